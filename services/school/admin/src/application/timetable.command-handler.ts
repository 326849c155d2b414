import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { ConsumedEvent } from '@hexfleet/eventing';
import type { events } from '@hexfleet/schemas';
import {
  calendarDecider,
  groupDecider,
  spansOverlap,
  subjectOf,
  subjectsDecider,
  termOf,
  timetableDecider,
} from '../domain';
import type { ScheduleSession, TimetableCommand } from '../domain';
import { found } from './found';
import { mustWrite } from './school-access';

/** A session as a request asks for it: the group and subject by id, the rest as the decider takes it. */
export type NewSession = Omit<ScheduleSession['data'], 'sessionId' | 'term' | 'group' | 'subject'> & {
  groupId: string;
  subjectId: string;
};

/** Lost races are re-decided this often: a loser then sees the winner's session and is refused for it. */
const RETRIES = 8;

/**
 * The timetable of a term is one stream (ADR 0040): scheduling reads the term from the
 * school's calendar, the group and its teachers from the group's stream and the subject
 * from the school's list, then appends to the term's timetable at the version it read.
 * Of 50 requests for one room slot, one append wins; the others re-decide and are
 * refused `room-double-booked`.
 */
@Injectable()
export class TimetableCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async schedule(
    caller: Principal,
    schoolId: string,
    termId: string,
    input: NewSession,
  ): Promise<{ sessionId: string }> {
    mustWrite(caller, schoolId);
    const sessionId = this.time.newId(caller, 'class-session');
    const now = this.time.now();
    await this.commands.transact(
      caller,
      async (tx) => {
        const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
        const { year, term } = termOf(calendar.state, termId);
        const group = found((await tx.load(groupDecider, 'group', input.groupId)).state, 'group');
        const subjects = await tx.load(subjectsDecider, 'subjects', schoolId);
        const { name } = subjectOf(subjects.state, input.subjectId);
        const timetable = await tx.load(timetableDecider, 'timetable', termId);
        const { groupId, subjectId, ...slot } = input;
        const command: TimetableCommand = {
          type: 'ScheduleSession',
          data: {
            ...slot,
            sessionId,
            term: { termId, yearId: year.yearId, schoolId, startDate: term.startDate, endDate: term.endDate },
            group: { groupId, schoolId: group.schoolId, yearId: group.yearId, teachers: group.teachers },
            subject: { subjectId, name },
          },
          metadata: { now },
        };
        tx.append(timetable, timetableDecider.decide(command, timetable.state));
      },
      { retries: RETRIES },
    );
    return { sessionId };
  }

  /**
   * A holiday of the school (from Events) cancels every lesson on its days, in each term it
   * touches, in one transaction; its command id derives from the event, so a redelivery acts once.
   */
  async cancelHoliday(policy: { name: string }, event: ConsumedEvent<events.HolidayDeclared>): Promise<void> {
    const { schoolId, startDate, endDate, name, eventId } = event.data;
    const now = this.time.now();
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
        const terms = calendar.state.years
          .flatMap((y) => y.terms)
          .filter((t) => spansOverlap(t, { startDate, endDate }));
        for (const term of terms) {
          const timetable = await tx.load(timetableDecider, 'timetable', term.termId);
          const days = { startDate: max(startDate, term.startDate), endDate: min(endDate, term.endDate) };
          const data = { ...days, reason: `Holiday: ${name}`.slice(0, 500), holidayEventId: eventId };
          tx.append(
            timetable,
            timetableDecider.decide({ type: 'CancelDays', data, metadata: { now } }, timetable.state),
          );
        }
      },
      { retries: RETRIES },
    );
  }

  async cancel(
    caller: Principal,
    schoolId: string,
    termId: string,
    sessionId: string,
    input: { date: string | null; reason: string },
  ): Promise<void> {
    mustWrite(caller, schoolId);
    const now = this.time.now();
    await this.commands.transact(
      caller,
      async (tx) => {
        const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
        termOf(calendar.state, termId);
        const timetable = await tx.load(timetableDecider, 'timetable', termId);
        const command: TimetableCommand = { type: 'CancelSession', data: { sessionId, ...input }, metadata: { now } };
        tx.append(timetable, timetableDecider.decide(command, timetable.state));
      },
      { retries: RETRIES },
    );
  }
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
