import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { profile } from '@hexfleet/schemas';
import type { Command } from './command';

export type SchoolGroupEvent = profile.ProfileSchoolGroupV1Event;

/**
 * Stream `<tenant>/school-group/<groupId>` (ADR 0047): an Admin group's name and the students
 * profile saw placed in it. GroupCreated and a student's placement come on two topics in no
 * guaranteed order; both reactions append here, so the later one sees the other and the name
 * reaches the student's profile as its class exactly once.
 */
export type SchoolGroupState =
  { status: 'none' } | { status: 'known'; groupId: string; name: string | null; members: string[] };

export type SchoolGroupCommand =
  /** From Admin GroupCreated. */
  | Command<'NoteGroupName', { groupId: string; name: string }>
  /** From a student's placement (StudentEnrolled, StudentGroupChanged, StudentPromoted). */
  | Command<'NoteMember', { groupId: string; studentId: string }>;

function decide(command: SchoolGroupCommand, state: SchoolGroupState): SchoolGroupEvent[] {
  const { groupId } = command.data;
  if (!isUuid(groupId)) throw new DomainError('invalid-group-id', { groupId });
  const notedAt = command.metadata.now;
  const known = state.status === 'known' ? state : null;
  switch (command.type) {
    case 'NoteGroupName': {
      const name = command.data.name.trim();
      if (!name) throw new DomainError('group-name-required', { groupId });
      if (known?.name === name) return [];
      return [profile.groupNameNoted({ groupId, name, notedAt })];
    }
    case 'NoteMember': {
      const { studentId } = command.data;
      if (!isUuid(studentId)) throw new DomainError('invalid-student-id', { studentId });
      if (known?.members.includes(studentId)) return [];
      return [profile.groupMemberNoted({ groupId, studentId, notedAt })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: SchoolGroupState, event: SchoolGroupEvent): SchoolGroupState {
  const known =
    state.status === 'known'
      ? state
      : { status: 'known' as const, groupId: event.data.groupId, name: null, members: [] };
  switch (event.type) {
    case 'GroupNameNoted':
      return { ...known, name: event.data.name };
    case 'GroupMemberNoted':
      return { ...known, members: [...known.members, event.data.studentId] };
    default:
      return assertNever(event);
  }
}

export const schoolGroupDecider: Decider<SchoolGroupCommand, SchoolGroupEvent, SchoolGroupState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
