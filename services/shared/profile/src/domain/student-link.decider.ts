import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { profile } from '@hexfleet/schemas';
import type { Command } from './command';
import type { GuardianLink } from './profile.state';

export type StudentLinkEvent = profile.ProfileStudentLinkV1Event;

export interface SchoolRecord {
  schoolId: string;
  admissionNumber: string;
  groupId: string | null;
  /** The group's name, once profile knows it (Admin's GroupCreated). */
  className: string | null;
}

/**
 * Stream `<tenant>/student-link/<studentId>` (ADR 0047): what profile knows of one Admin
 * student. Admin names the school record, identity the guardian accounts and (by registering
 * the student) the profile; their events reach profile in no guaranteed order. Every reaction
 * appends here, so its version makes the last of them see the others and write the profile
 * (whose id is the student id, ADR 0043) exactly once.
 */
export type StudentLinkState =
  | { status: 'none' }
  | {
      status: 'known';
      studentId: string;
      record: SchoolRecord | null;
      guardians: GuardianLink[];
      hasProfile: boolean;
    };

export type StudentLinkCommand =
  /** From Admin StudentAdmitted, StudentEnrolled (admission number, group), StudentGroupChanged, StudentPromoted (group). */
  | Command<
      'NoteRecord',
      {
        studentId: string;
        schoolId: string;
        admissionNumber?: string;
        groupId?: string | null;
        className?: string | null;
      }
    >
  /** From Admin GroupCreated, for a student profile saw placed in that group: its name is the student's class. */
  | Command<'NoteClassName', { studentId: string; groupId: string; className: string }>
  /** From identity GuardianshipRecorded. */
  | Command<'NoteGuardian', { studentId: string; guardianUserId: string; relationship: string; primary: boolean }>
  /** From identity UserRegistered with this studentId: the profile now exists. */
  | Command<'NoteProfile', { studentId: string }>;

function decide(command: StudentLinkCommand, state: StudentLinkState): StudentLinkEvent[] {
  const { studentId } = command.data;
  if (!isUuid(studentId)) throw new DomainError('invalid-student-id', { studentId });
  const notedAt = command.metadata.now;
  const known = state.status === 'known' ? state : null;
  switch (command.type) {
    case 'NoteRecord': {
      const { schoolId } = command.data;
      if (!isUuid(schoolId)) throw new DomainError('invalid-school-id', { schoolId });
      const admissionNumber = command.data.admissionNumber?.trim() || known?.record?.admissionNumber;
      // A group change before any admission or enrolment reached profile: nothing to show it with yet.
      if (!admissionNumber) throw new DomainError('student-record-unknown', { studentId });
      const before = known?.record ?? null;
      const groupId = command.data.groupId === undefined ? (before?.groupId ?? null) : command.data.groupId;
      if (groupId !== null && !isUuid(groupId)) throw new DomainError('invalid-group-id', { groupId });
      // Another group's name is not this one's: a move forgets the old class until the new name is known.
      const kept = before?.groupId === groupId ? before.className : null;
      const className = command.data.className?.trim() || kept;
      const next = { schoolId, admissionNumber, groupId, className };
      // A redelivered or repeated fact changes nothing: idempotent, not an error.
      if (before && sameRecord(before, next)) return [];
      return [profile.studentRecordNoted({ studentId, ...next, notedAt })];
    }
    case 'NoteClassName': {
      const { groupId } = command.data;
      const className = command.data.className.trim();
      const before = known?.record ?? null;
      // The student has moved on (or was never placed there, as far as profile knows): not their class.
      if (!before || before.groupId !== groupId || !className || before.className === className) return [];
      return [profile.studentRecordNoted({ studentId, ...before, className, notedAt })];
    }
    case 'NoteGuardian': {
      const { guardianUserId, primary } = command.data;
      if (!isUuid(guardianUserId)) throw new DomainError('invalid-user-id', { guardianUserId });
      if (guardianUserId === studentId) throw new DomainError('guardian-is-the-student', { guardianUserId });
      const relationship = command.data.relationship.trim();
      if (!relationship) throw new DomainError('relationship-required');
      // Once per guardian: identity records a guardianship once, and a replay appends nothing.
      if (known?.guardians.some((g) => g.guardianUserId === guardianUserId)) return [];
      return [profile.studentGuardianNoted({ studentId, guardianUserId, relationship, primary, notedAt })];
    }
    case 'NoteProfile':
      if (known?.hasProfile) return [];
      return [profile.studentProfileNoted({ studentId, notedAt })];
    default:
      return assertNever(command);
  }
}

function evolve(state: StudentLinkState, event: StudentLinkEvent): StudentLinkState {
  const known =
    state.status === 'known'
      ? state
      : { status: 'known' as const, studentId: event.data.studentId, record: null, guardians: [], hasProfile: false };
  switch (event.type) {
    case 'StudentRecordNoted': {
      const { schoolId, admissionNumber, groupId, className } = event.data;
      return { ...known, record: { schoolId, admissionNumber, groupId, className } };
    }
    case 'StudentGuardianNoted': {
      const { guardianUserId, relationship, primary } = event.data;
      return { ...known, guardians: [...known.guardians, { guardianUserId, relationship, primary }] };
    }
    case 'StudentProfileNoted':
      return { ...known, hasProfile: true };
    default:
      return assertNever(event);
  }
}

const sameRecord = (a: SchoolRecord, b: SchoolRecord) =>
  a.schoolId === b.schoolId &&
  a.admissionNumber === b.admissionNumber &&
  a.groupId === b.groupId &&
  a.className === b.className;

export const studentLinkDecider: Decider<StudentLinkCommand, StudentLinkEvent, StudentLinkState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
