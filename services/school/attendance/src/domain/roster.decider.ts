import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/roster/<groupId>`, topic attendance.roster.v1 (internal): who is in the group on which days. */
export type RosterEvent = attendance.AttendanceRosterV1Event;

export type JoinRoster = Command<'JoinRoster', attendance.RosterMemberJoinedData>;
export type LeaveRoster = Command<'LeaveRoster', attendance.RosterMemberLeftData>;
export type RosterCommand = JoinRoster | LeaveRoster;

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

function decide(command: RosterCommand, state: RosterState): RosterEvent[] {
  const member = state.members[command.data.studentId];
  switch (command.type) {
    case 'JoinRoster':
      return open(member) ? [] : [attendance.rosterMemberJoined(command.data)];
    case 'LeaveRoster':
      return open(member) ? [attendance.rosterMemberLeft(command.data)] : [];
    default:
      return assertNever(command);
  }
}

function evolve(state: RosterState, event: RosterEvent): RosterState {
  const { studentId } = event.data;
  const member = state.members[studentId];
  switch (event.type) {
    case 'RosterMemberJoined': {
      const { rollNumber, firstName, lastName, fromDate } = event.data;
      const spans = [...(member?.spans ?? []), { from: fromDate, last: null }];
      return { members: { ...state.members, [studentId]: { studentId, rollNumber, firstName, lastName, spans } } };
    }
    case 'RosterMemberLeft': {
      if (!member) return state;
      const spans = member.spans.map((s) => (s.last === null ? { ...s, last: event.data.lastDate } : s));
      return { members: { ...state.members, [studentId]: { ...member, spans } } };
    }
    default:
      return assertNever(event);
  }
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: { members: {} },
  decide,
  evolve,
};
