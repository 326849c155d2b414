import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/roster/<groupId>`, topic attendance.roster.v1 (internal): who is in the group on which days. */
export type RosterEvent = attendance.AttendanceRosterV1Event;

export type JoinRoster = Command<'JoinRoster', attendance.RosterMemberJoinedData>;
export type LeaveRoster = Command<'LeaveRoster', attendance.RosterMemberLeftData>;
export type NoteGroupEvent = Command<'NoteGroupEvent', attendance.GroupEventNotedData>;
export type DropGroupEvent = Command<'DropGroupEvent', attendance.GroupEventDroppedData>;
export type RosterCommand = JoinRoster | LeaveRoster | NoteGroupEvent | DropGroupEvent;

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
    case 'JoinRoster':
      return open(state.members[command.data.studentId]) ? [] : [attendance.rosterMemberJoined(command.data)];
    case 'LeaveRoster':
      return open(state.members[command.data.studentId]) ? [attendance.rosterMemberLeft(command.data)] : [];
    case 'NoteGroupEvent':
      return sameEvent(state.events[command.data.eventId], command.data)
        ? []
        : [attendance.groupEventNoted(command.data)];
    case 'DropGroupEvent':
      return state.events[command.data.eventId] ? [attendance.groupEventDropped(command.data)] : [];
    default:
      return assertNever(command);
  }
}

function evolve(state: RosterState, event: RosterEvent): RosterState {
  switch (event.type) {
    case 'RosterMemberJoined': {
      const { studentId, rollNumber, firstName, lastName, fromDate } = event.data;
      const spans = [...(state.members[studentId]?.spans ?? []), { from: fromDate, last: null }];
      const member = { studentId, rollNumber, firstName, lastName, spans };
      return { ...state, members: { ...state.members, [studentId]: member } };
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
    case 'GroupEventDropped': {
      const { [event.data.eventId]: _dropped, ...events } = state.events;
      return { ...state, events };
    }
    default:
      return assertNever(event);
  }
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: { members: {}, events: {} },
  decide,
  evolve,
};
