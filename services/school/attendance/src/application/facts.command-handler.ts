import { Injectable } from '@nestjs/common';
import type { ConsumedEvent, ConsumedEventMeta } from '@hexfleet/eventing';
import { calendarDay, Commands } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { admin, events, hq } from '@hexfleet/schemas';
import {
  addDays,
  classSessionDecider,
  groupPolicyDecider,
  registerDecider,
  rosterDecider,
  schoolDecider,
  schoolEventDecider,
} from '../domain';
import type { SchoolEventCommand, SchoolEventState } from '../domain';
import { GROUP_POLICY_ID, registerIdOf } from './register-facts';

type Policy = { name: string };
/** Events whose group audience is away from lessons: their lessons are pre-filled excused (ADR 0052). */
const AWAY_FROM_LESSONS = ['trip', 'sports'];
/** Two policies may note facts of one stream at once (a school's holiday and its settings). */
const RETRIES = 5;

/**
 * Other services' facts, copied into attendance's own streams so that a register's rules
 * read them in the command's transaction (ADR 0050): Admin's sessions and group membership
 * with its days, HQ's schools and policies, Events' holidays.
 */
@Injectable()
export class FactsCommandHandler {
  constructor(private readonly commands: Commands) {}

  async sessionScheduled(policy: Policy, event: ConsumedEvent<admin.ClassSessionScheduled>): Promise<void> {
    const { scheduledAt: _at, yearId: _year, subjectId: _subject, ...noted } = event.data;
    await this.react(policy, event, async (tx) => {
      const session = await tx.load(classSessionDecider, 'class-session', noted.sessionId);
      const metadata = { now: event.data.scheduledAt };
      tx.append(session, classSessionDecider.decide({ type: 'NoteSession', data: noted, metadata }, session.state));
    });
  }

  /** A cancelled day (a holiday's included) withdraws that day's register when it was taken. */
  async sessionCancelled(policy: Policy, event: ConsumedEvent<admin.ClassSessionCancelled>): Promise<void> {
    const { sessionId, schoolId, date, reason, holidayEventId, cancelledAt } = event.data;
    const metadata = { now: cancelledAt };
    await this.react(policy, event, async (tx) => {
      const session = await tx.load(classSessionDecider, 'class-session', sessionId);
      const noted = { sessionId, schoolId, date, reason, holidayEventId, cancelledAt };
      tx.append(
        session,
        classSessionDecider.decide({ type: 'NoteCancellation', data: noted, metadata }, session.state),
      );
      if (date === null) return;
      const register = await tx.load(registerDecider, 'register', registerIdOf(event.tenant, sessionId, date));
      const withdraw = { type: 'WithdrawRegister' as const, data: { reason, holidayEventId }, metadata };
      tx.append(register, registerDecider.decide(withdraw, register.state));
    });
  }

  async studentAdded(policy: Policy, event: ConsumedEvent<admin.StudentAddedToGroup>): Promise<void> {
    const { groupId, schoolId, studentId, rollNumber, firstName, lastName, addedAt } = event.data;
    await this.react(policy, event, async (tx) => {
      const fromDate = await this.dayAt(tx, schoolId, addedAt);
      const roster = await tx.load(rosterDecider, 'roster', groupId);
      const data = { groupId, schoolId, studentId, rollNumber, firstName, lastName, fromDate };
      tx.append(roster, rosterDecider.decide({ type: 'JoinRoster', data, metadata: { now: addedAt } }, roster.state));
    });
  }

  /** An enrolment in a group: the student is in it from the enrolment's first day (ADR 0056). */
  async studentEnrolled(policy: Policy, event: ConsumedEvent<admin.StudentEnrolled>): Promise<void> {
    const { groupId, schoolId, studentId, rollNumber, firstName, lastName, enrolledOn, enrolledAt } = event.data;
    if (!groupId) return;
    await this.react(policy, event, async (tx) => {
      const roster = await tx.load(rosterDecider, 'roster', groupId);
      const data = {
        groupId,
        schoolId,
        studentId,
        rollNumber: rollNumber ?? 0,
        firstName,
        lastName,
        fromDate: enrolledOn,
      };
      tx.append(
        roster,
        rosterDecider.decide({ type: 'JoinRoster', data, metadata: { now: enrolledAt } }, roster.state),
      );
    });
  }

  /** A move: the student's last day in the old group is the day before the move. A withdrawal waits for StudentWithdrawn, which has the day. */
  async studentRemoved(policy: Policy, event: ConsumedEvent<admin.StudentRemovedFromGroup>): Promise<void> {
    const { groupId, schoolId, studentId, reason, removedAt } = event.data;
    if (reason === 'withdrawn') return;
    await this.react(policy, event, async (tx) => {
      const lastDate = addDays(await this.dayAt(tx, schoolId, removedAt), -1);
      await this.leave(tx, { groupId, schoolId, studentId, lastDate, reason }, removedAt);
    });
  }

  async studentWithdrawn(policy: Policy, event: ConsumedEvent<admin.StudentWithdrawn>): Promise<void> {
    const { groupId, schoolId, studentId, withdrawnOn, withdrawnAt } = event.data;
    if (!groupId) return;
    await this.react(policy, event, (tx) =>
      this.leave(tx, { groupId, schoolId, studentId, lastDate: withdrawnOn, reason: 'withdrawn' }, withdrawnAt),
    );
  }

  async schoolOpened(policy: Policy, event: ConsumedEvent<hq.SchoolOpened>): Promise<void> {
    const { schoolId, timeZone, openedAt } = event.data;
    await this.school(policy, event, schoolId, (state) =>
      schoolDecider.decide({ type: 'NoteSchool', data: { schoolId, timeZone }, metadata: { now: openedAt } }, state),
    );
  }

  async schoolPolicySet(policy: Policy, event: ConsumedEvent<hq.SchoolPolicySet>): Promise<void> {
    const { schoolId, attendanceCodes, absenceThresholds, setAt } = event.data;
    const data = {
      schoolId,
      attendanceCodes,
      absenceThresholds,
      registerLockDays: event.data.registerLockDays ?? null,
    };
    await this.school(policy, event, schoolId, (state) =>
      schoolDecider.decide({ type: 'NoteSchoolSettings', data, metadata: { now: setAt } }, state),
    );
  }

  async holidayDeclared(policy: Policy, event: ConsumedEvent<events.HolidayDeclared>): Promise<void> {
    const { eventId: holidayEventId, schoolId, name, startDate, endDate, declaredAt } = event.data;
    const data = { schoolId, holidayEventId, name, startDate, endDate };
    await this.school(policy, event, schoolId, (state) =>
      schoolDecider.decide({ type: 'NoteHoliday', data, metadata: { now: declaredAt } }, state),
    );
  }

  async groupPolicyPublished(policy: Policy, event: ConsumedEvent<hq.GroupPolicyPublished>): Promise<void> {
    const { policyVersion, attendanceCodes, absenceThresholds, publishedAt } = event.data;
    const data = {
      policyVersion,
      attendanceCodes,
      absenceThresholds,
      registerLockDays: event.data.registerLockDays ?? null,
    };
    await this.react(policy, event, async (tx) => {
      const group = await tx.load(groupPolicyDecider, 'group-policy', GROUP_POLICY_ID);
      const command = { type: 'NoteGroupPolicy' as const, data, metadata: { now: publishedAt } };
      tx.append(group, groupPolicyDecider.decide(command, group.state));
    });
  }

  /** A one-off trip or sports event for groups: noted as a draft; pre-filled once published. */
  async eventScheduled(policy: Policy, event: ConsumedEvent<events.EventScheduled>): Promise<void> {
    const d = event.data;
    if (d.audienceKind !== 'groups' || !AWAY_FROM_LESSONS.includes(d.eventType) || d.recurrence !== null) return;
    const { eventId, schoolId, title, allDay, startDate, startTime, endDate, endTime } = d;
    const data = { eventId, schoolId, title, groupIds: d.audienceIds, allDay, startDate, startTime, endDate, endTime };
    await this.schoolEvent(policy, event, eventId, { type: 'NoteSchoolEvent', data, metadata: { now: d.scheduledAt } });
  }

  async eventPublished(policy: Policy, event: ConsumedEvent<events.EventPublished>): Promise<void> {
    const { eventId, publishedAt } = event.data;
    await this.schoolEvent(policy, event, eventId, {
      type: 'NoteSchoolEventPublished',
      data: { eventId },
      metadata: { now: publishedAt },
    });
  }

  async eventRescheduled(policy: Policy, event: ConsumedEvent<events.EventRescheduled>): Promise<void> {
    const { eventId, allDay, startDate, startTime, endDate, endTime, rescheduledAt } = event.data;
    const data = { eventId, allDay, startDate, startTime, endDate, endTime };
    await this.schoolEvent(policy, event, eventId, {
      type: 'NoteSchoolEventTimes',
      data,
      metadata: { now: rescheduledAt },
    });
  }

  async eventCancelled(policy: Policy, event: ConsumedEvent<events.EventCancelled>): Promise<void> {
    const { eventId, cancelledAt } = event.data;
    await this.schoolEvent(policy, event, eventId, {
      type: 'NoteSchoolEventCancelled',
      data: { eventId },
      metadata: { now: cancelledAt },
    });
  }

  /** Notes the event's change, then tells each audience group's roster what a published event now is. */
  private async schoolEvent(policy: Policy, event: ConsumedEventMeta, eventId: string, command: SchoolEventCommand) {
    await this.react(policy, event, async (tx) => {
      const stream = await tx.load(schoolEventDecider, 'school-event', eventId);
      const changes = schoolEventDecider.decide(command, stream.state);
      if (changes.length === 0) return;
      tx.append(stream, changes);
      const before = stream.state;
      const after = changes.reduce(schoolEventDecider.evolve, before);
      const { event: noted } = after;
      if (!noted || (before.status !== 'published' && after.status !== 'published')) return;
      for (const groupId of noted.groupIds) {
        const roster = await tx.load(rosterDecider, 'roster', groupId);
        const told = this.groupEvent(groupId, noted, after.status, command.metadata);
        tx.append(roster, rosterDecider.decide(told, roster.state));
      }
    });
  }

  private groupEvent(
    groupId: string,
    { groupIds: _groups, ...event }: NonNullable<SchoolEventState['event']>,
    status: SchoolEventState['status'],
    metadata: { now: string },
  ) {
    return status === 'cancelled'
      ? { type: 'DropGroupEvent' as const, data: { groupId, eventId: event.eventId }, metadata }
      : { type: 'NoteGroupEvent' as const, data: { ...event, groupId }, metadata };
  }

  private react(policy: Policy, event: ConsumedEventMeta, work: (tx: StreamTransaction) => Promise<void>) {
    return this.commands.react(policy, event, work, { retries: RETRIES });
  }

  private async school(
    policy: Policy,
    event: ConsumedEventMeta,
    schoolId: string,
    decide: (state: typeof schoolDecider.initialState) => ReturnType<typeof schoolDecider.decide>,
  ) {
    await this.react(policy, event, async (tx) => {
      const school = await tx.load(schoolDecider, 'school', schoolId);
      tx.append(school, decide(school.state));
    });
  }

  private async leave(
    tx: StreamTransaction,
    data: { groupId: string; schoolId: string; studentId: string; lastDate: string; reason: string },
    now: string,
  ) {
    const roster = await tx.load(rosterDecider, 'roster', data.groupId);
    tx.append(roster, rosterDecider.decide({ type: 'LeaveRoster', data, metadata: { now } }, roster.state));
  }

  /** The school's calendar day of an instant (UTC until HQ's SchoolOpened gave its time zone). */
  private async dayAt(tx: StreamTransaction, schoolId: string, instant: string): Promise<string> {
    const school = await tx.load(schoolDecider, 'school', schoolId);
    return calendarDay(new Date(instant), school.state.timeZone ?? 'UTC');
  }
}
