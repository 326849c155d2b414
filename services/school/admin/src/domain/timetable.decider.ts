import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';
import { firstClash, occurrences, requireTime, requireWeekdays, weekdayOf } from './recurrence';
import type { WeeklySlot } from './recurrence';
import { requireDate, requireSpan, requireText } from './rules';
import type { DateSpan } from './rules';
import type { Teaching } from './group.decider';

/**
 * Stream `<tenant>/timetable/<termId>`, topic admin.timetable.v1: every class session
 * of one term of one school. One stream holds the sessions that could clash (a term's
 * group, teacher and room), so its version decides every race (ADR 0040).
 */
export type TimetableEvent = admin.AdminTimetableV1Event;

export interface TermFacts extends DateSpan {
  termId: string;
  yearId: string;
  schoolId: string;
}

export interface GroupTeaching {
  groupId: string;
  schoolId: string;
  yearId: string;
  teachers: Teaching[];
}

export type ScheduleSession = Command<
  'ScheduleSession',
  {
    sessionId: string;
    term: TermFacts;
    group: GroupTeaching;
    subject: { subjectId: string; name: string };
    teacherUserId: string;
    room: string;
    firstDate: string;
    /** The last day of a weekly session; left out, it is a single lesson on firstDate. */
    lastDate?: string | null;
    /** ISO weekdays; left out, the weekday of firstDate. */
    weekdays?: number[] | null;
    startTime: string;
    endTime: string;
  }
>;
export type CancelSession = Command<
  'CancelSession',
  { sessionId: string; date: string | null; reason: string; holidayEventId?: string | null }
>;
/** Every lesson on these days (a holiday): none to cancel is no error. */
export type CancelDays = Command<
  'CancelDays',
  { startDate: string; endDate: string; reason: string; holidayEventId: string | null }
>;
export type TimetableCommand = ScheduleSession | CancelSession | CancelDays;

export interface Session extends WeeklySlot {
  sessionId: string;
  groupId: string;
  teacherUserId: string;
  /** The room as scheduled; `roomKey` is what two spellings of one room share. */
  room: string;
  cancelled: boolean;
  cancelledDates: string[];
}

export interface TimetableState {
  term: { termId: string; schoolId: string } | null;
  sessions: Session[];
}

/** R-101, r-101 and ' R-101 ' are one room. */
export const roomKey = (room: string): string => room.trim().toUpperCase();

function clashes(candidate: Session, sessions: readonly Session[]) {
  for (const other of sessions) {
    if (other.cancelled) continue;
    const resources = [
      ['group-double-booked', other.groupId === candidate.groupId],
      ['teacher-double-booked', other.teacherUserId === candidate.teacherUserId],
      ['room-double-booked', roomKey(other.room) === roomKey(candidate.room)],
    ] as const;
    const shared = resources.find(([, same]) => same);
    if (!shared) continue;
    const date = firstClash(candidate, other, new Set(other.cancelledDates));
    if (date) {
      const { startTime, endTime } = other;
      throw new DomainError(shared[0], { sessionId: other.sessionId, date, startTime, endTime });
    }
  }
}

function schedule({ data, metadata }: ScheduleSession, state: TimetableState): TimetableEvent[] {
  const { term, group, subject, teacherUserId } = data;
  if (state.sessions.some((s) => s.sessionId === data.sessionId))
    throw new DomainError('session-already-scheduled', { sessionId: data.sessionId });
  if (group.schoolId !== term.schoolId || group.yearId !== term.yearId)
    throw new DomainError('group-not-in-term', { groupId: group.groupId, termId: term.termId });
  if (!group.teachers.some((t) => t.subjectId === subject.subjectId && t.teacherUserId === teacherUserId))
    throw new DomainError('teacher-not-assigned', { teacherUserId, subjectId: subject.subjectId });
  const firstDate = requireDate(data.firstDate, 'firstDate');
  const span = requireSpan(firstDate, data.lastDate ?? firstDate);
  if (span.startDate < term.startDate || span.endDate > term.endDate)
    throw new DomainError('session-outside-term', { startDate: term.startDate, endDate: term.endDate });
  const startTime = requireTime(data.startTime, 'startTime');
  const endTime = requireTime(data.endTime, 'endTime');
  if (endTime <= startTime) throw new DomainError('session-ends-before-start', { startTime, endTime });
  const weekdays = requireWeekdays(data.weekdays ?? [weekdayOf(firstDate)]);
  const session: Session = {
    sessionId: data.sessionId,
    groupId: group.groupId,
    teacherUserId,
    room: requireText(data.room, 'room', 40),
    firstDate,
    lastDate: span.endDate,
    weekdays,
    startTime,
    endTime,
    cancelled: false,
    cancelledDates: [],
  };
  if (occurrences(session).next().done) throw new DomainError('session-has-no-occurrence', { weekdays });
  clashes(session, state.sessions);
  return [
    admin.classSessionScheduled({
      sessionId: session.sessionId,
      termId: term.termId,
      schoolId: term.schoolId,
      yearId: term.yearId,
      groupId: group.groupId,
      subjectId: subject.subjectId,
      subjectName: subject.name,
      teacherUserId,
      room: session.room,
      firstDate,
      lastDate: session.lastDate,
      weekdays,
      startTime,
      endTime,
      scheduledAt: metadata.now,
    }),
  ];
}

function cancelled(
  state: TimetableState,
  session: Session,
  date: string | null,
  why: { reason: string; holidayEventId?: string | null },
  now: string,
) {
  const term = state.term ?? { termId: '', schoolId: '' };
  return admin.classSessionCancelled({
    sessionId: session.sessionId,
    termId: term.termId,
    schoolId: term.schoolId,
    groupId: session.groupId,
    date,
    reason: requireText(why.reason, 'reason', 500),
    holidayEventId: why.holidayEventId ?? null,
    cancelledAt: now,
  });
}

function cancel({ data, metadata }: CancelSession, state: TimetableState): TimetableEvent[] {
  const session = state.sessions.find((s) => s.sessionId === data.sessionId);
  if (!session) throw new DomainError('session-not-found', { sessionId: data.sessionId });
  if (session.cancelled) throw new DomainError('session-already-cancelled', { sessionId: session.sessionId });
  if (data.date !== null) {
    const date = requireDate(data.date, 'date');
    if (session.cancelledDates.includes(date)) throw new DomainError('occurrence-already-cancelled', { date });
    if (occurrences(session, date, date).next().done) throw new DomainError('not-an-occurrence', { date });
  }
  return [cancelled(state, session, data.date, data, metadata.now)];
}

function cancelDays({ data, metadata }: CancelDays, state: TimetableState): TimetableEvent[] {
  const { startDate, endDate } = requireSpan(data.startDate, data.endDate);
  return state.sessions
    .filter((s) => !s.cancelled)
    .flatMap((s) =>
      [...occurrences(s, startDate, endDate, new Set(s.cancelledDates))].map((date) =>
        cancelled(state, s, date, data, metadata.now),
      ),
    );
}

function decide(command: TimetableCommand, state: TimetableState): TimetableEvent[] {
  switch (command.type) {
    case 'ScheduleSession':
      return schedule(command, state);
    case 'CancelSession':
      return cancel(command, state);
    case 'CancelDays':
      return cancelDays(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: TimetableState, event: TimetableEvent): TimetableState {
  switch (event.type) {
    case 'ClassSessionScheduled': {
      const { termId, schoolId, sessionId, groupId, teacherUserId, room } = event.data;
      const { firstDate, lastDate, weekdays, startTime, endTime } = event.data;
      const session: Session = {
        ...{ sessionId, groupId, teacherUserId, room, firstDate, lastDate, weekdays, startTime, endTime },
        cancelled: false,
        cancelledDates: [],
      };
      return { term: { termId, schoolId }, sessions: [...state.sessions, session] };
    }
    case 'ClassSessionCancelled': {
      const { sessionId, date } = event.data;
      const sessions = state.sessions.map((s) => {
        if (s.sessionId !== sessionId) return s;
        return date === null ? { ...s, cancelled: true } : { ...s, cancelledDates: [...s.cancelledDates, date] };
      });
      return { ...state, sessions };
    }
    default:
      return assertNever(event);
  }
}

export const timetableDecider: Decider<TimetableCommand, TimetableEvent, TimetableState> = {
  initialState: { term: null, sessions: [] },
  decide,
  evolve,
};
