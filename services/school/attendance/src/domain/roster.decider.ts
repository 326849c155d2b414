import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { Command } from './command';
import { daysBetween } from './dates';

/** Stream `<tenant>/roster/<groupId>`, topic attendance.roster.v1 (internal): who is in the group on which days. */
export type RosterEvent = attendance.AttendanceRosterV1Event;

export type JoinRoster = Command<'JoinRoster', attendance.RosterMemberJoinedData>;
export type LeaveRoster = Command<'LeaveRoster', attendance.RosterMemberLeftData>;
export type NoteGroupEvent = Command<'NoteGroupEvent', attendance.GroupEventNotedData>;
export type DropGroupEvent = Command<'DropGroupEvent', attendance.GroupEventDroppedData>;
/** The office records a student's leave ahead (a guardian asked). */
export type RecordLeave = Command<'RecordLeave', Omit<attendance.StudentLeaveRecordedData, 'recordedAt'>>;
export type RosterCommand = JoinRoster | LeaveRoster | NoteGroupEvent | DropGroupEvent | RecordLeave;

/** The longest leave recorded at once. */
export const MAX_LEAVE_DAYS = 60;
export const MAX_LEAVE_REASON = 500;

export interface StudentLeave {
  leaveId: string;
  studentId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}

/** A published school event the group attends (a trip): its lessons in the span are pre-filled excused. */
export type GroupEvent = Omit<attendance.GroupEventNotedData, 'groupId' | 'schoolId'>;

export interface Member {
  studentId: string;
  rollNumber: number;
  firstName: string;
  lastName: string;
  /** Days in the group: from `from` to `last` inclusive (`last` null while still in it). */
  spans: Array<{ from: string; last: string | null }>;
}

export interface RosterState {
  members: Record<string, Member>;
  events: Record<string, GroupEvent>;
  leaves: StudentLeave[];
  /** The group's school, once a student joined it. */
  schoolId: string | null;
}

/** The student's leave covering `date`, if any. */
export const leaveOn = (state: RosterState, studentId: string, date: string): StudentLeave | null =>
  state.leaves.find((l) => l.studentId === studentId && l.fromDate <= date && date <= l.toDate) ?? null;

function recordLeave({ data, metadata }: RecordLeave, state: RosterState): RosterEvent[] {
  const reason = data.reason.trim();
  if (reason.length === 0 || reason.length > MAX_LEAVE_REASON) {
    throw new DomainError('invalid-leave-reason', { maxLength: MAX_LEAVE_REASON });
  }
  const days = daysBetween(data.fromDate, data.toDate);
  if (days < 0) throw new DomainError('leave-ends-before-start', { fromDate: data.fromDate, toDate: data.toDate });
  if (days >= MAX_LEAVE_DAYS) throw new DomainError('leave-too-long', { maxDays: MAX_LEAVE_DAYS });
  if (!inGroupOn(state.members[data.studentId], data.fromDate)) {
    throw new DomainError('student-not-in-group', { studentId: data.studentId, date: data.fromDate });
  }
  const overlap = state.leaves.find(
    (l) => l.studentId === data.studentId && l.fromDate <= data.toDate && data.fromDate <= l.toDate,
  );
  if (overlap) throw new DomainError('leave-overlaps', { leaveId: overlap.leaveId, fromDate: overlap.fromDate });
  return [attendance.studentLeaveRecorded({ ...data, reason, recordedAt: metadata.now })];
}

const open = (member: Member | undefined) => member?.spans.some((s) => s.last === null) ?? false;

export const inGroupOn = (member: Member | undefined, date: string): boolean =>
  member?.spans.some((s) => s.from <= date && (s.last === null || date <= s.last)) ?? false;

/** The students in the group on `date`, by roll number. */
export function membersOn(state: RosterState, date: string): Member[] {
  return Object.values(state.members)
    .filter((m) => inGroupOn(m, date))
    .sort((a, b) => a.rollNumber - b.rollNumber);
}

/** The school event the group attends during a lesson of `date` from `start` to `end` (HH:mm), if any. */
export function schoolEventDuring(state: RosterState, date: string, start: string, end: string): GroupEvent | null {
  return (
    Object.values(state.events).find(
      (e) =>
        e.startDate <= date &&
        date <= e.endDate &&
        (e.allDay ||
          // Timed events span from the start time of the first day to the end time of the last.
          ((date > e.startDate || (e.startTime ?? '00:00') < end) &&
            (date < e.endDate || start < (e.endTime ?? '24:00')))),
    ) ?? null
  );
}

const sameEvent = (a: GroupEvent | undefined, b: attendance.GroupEventNotedData) =>
  a !== undefined &&
  a.title === b.title &&
  a.allDay === b.allDay &&
  a.startDate === b.startDate &&
  a.endDate === b.endDate &&
  a.startTime === b.startTime &&
  a.endTime === b.endTime;

function decide(command: RosterCommand, state: RosterState): RosterEvent[] {
  switch (command.type) {
    case 'JoinRoster': {
      // Joining again while in the group only moves the start back: Admin's enrolment (its first
      // day) and its group membership (when it was typed in) arrive in either order (ADR 0056).
      const member = state.members[command.data.studentId];
      if (!open(member)) return [attendance.rosterMemberJoined(command.data)];
      const current = member?.spans.find((s) => s.last === null);
      const closedAfter = member?.spans.some((s) => s.last !== null && s.last >= command.data.fromDate);
      return current && command.data.fromDate < current.from && !closedAfter
        ? [attendance.rosterMemberJoined(command.data)]
        : [];
    }
    case 'LeaveRoster':
      return open(state.members[command.data.studentId]) ? [attendance.rosterMemberLeft(command.data)] : [];
    case 'NoteGroupEvent':
      return sameEvent(state.events[command.data.eventId], command.data)
        ? []
        : [attendance.groupEventNoted(command.data)];
    case 'DropGroupEvent':
      return state.events[command.data.eventId] ? [attendance.groupEventDropped(command.data)] : [];
    case 'RecordLeave':
      return recordLeave(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: RosterState, event: RosterEvent): RosterState {
  switch (event.type) {
    case 'RosterMemberJoined': {
      const { studentId, rollNumber, firstName, lastName, fromDate } = event.data;
      const before = state.members[studentId]?.spans ?? [];
      // In the group already: the open span starts earlier; else a new span.
      const spans = open(state.members[studentId])
        ? before.map((s) => (s.last === null && fromDate < s.from ? { ...s, from: fromDate } : s))
        : [...before, { from: fromDate, last: null }];
      const existing = state.members[studentId];
      const member = open(existing)
        ? { ...(existing as Member), spans }
        : { studentId, rollNumber, firstName, lastName, spans };
      return { ...state, schoolId: event.data.schoolId, members: { ...state.members, [studentId]: member } };
    }
    case 'RosterMemberLeft': {
      const member = state.members[event.data.studentId];
      if (!member) return state;
      const spans = member.spans.map((s) => (s.last === null ? { ...s, last: event.data.lastDate } : s));
      return { ...state, members: { ...state.members, [member.studentId]: { ...member, spans } } };
    }
    case 'GroupEventNoted': {
      const { groupId: _group, schoolId: _school, ...groupEvent } = event.data;
      return { ...state, events: { ...state.events, [groupEvent.eventId]: groupEvent } };
    }
    case 'StudentLeaveRecorded': {
      const { leaveId, studentId, fromDate, toDate, reason } = event.data;
      return { ...state, leaves: [...state.leaves, { leaveId, studentId, fromDate, toDate, reason }] };
    }
    case 'GroupEventDropped': {
      const { [event.data.eventId]: _dropped, ...events } = state.events;
      return { ...state, events };
    }
    default:
      return assertNever(event);
  }
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: { members: {}, events: {}, leaves: [], schoolId: null },
  decide,
  evolve,
};
