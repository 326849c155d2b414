import { DomainError, isUuid } from '@hexfleet/kernel';
import { profile } from '@hexfleet/schemas';
import type { ProfileData } from './profile.state';

type Event = profile.ProfileProfileV1Event;
interface Audit {
  by: string | null;
  now: string;
}

function student(state: ProfileData): ProfileData {
  if (state.studentId === null) throw new DomainError('not-a-student-profile', { userId: state.userId });
  return state;
}

const linked = (state: ProfileData, guardianUserId: string) => {
  const link = state.guardians.find((g) => g.guardianUserId === guardianUserId);
  if (!link) throw new DomainError('guardian-not-linked', { guardianUserId });
  return link;
};

/**
 * The first guardian becomes the primary one whatever the request says. A
 * second primary is refused rather than silently demoting the first: moving
 * the role is ChangePrimaryGuardian, an explicit act with its own event.
 */
export function link(
  state: ProfileData,
  data: { guardianUserId: string; relationship: string; primary: boolean },
  audit: Audit,
): Event[] {
  const { guardianUserId } = data;
  student(state);
  if (!isUuid(guardianUserId)) throw new DomainError('invalid-user-id', { guardianUserId });
  if (guardianUserId === state.userId) throw new DomainError('guardian-is-the-student', { guardianUserId });
  if (state.guardians.some((g) => g.guardianUserId === guardianUserId))
    throw new DomainError('guardian-already-linked', { guardianUserId });
  const relationship = data.relationship.trim();
  if (!relationship) throw new DomainError('relationship-required');
  const first = state.guardians.length === 0;
  if (data.primary && !first) throw new DomainError('primary-guardian-exists');
  return [
    profile.guardianLinked({
      studentUserId: state.userId,
      guardianUserId,
      relationship,
      primary: first,
      linkedBy: audit.by,
      linkedAt: audit.now,
    }),
  ];
}

/** A student keeps at least one guardian, and the primary one stays until another is made primary. */
export function unlink(state: ProfileData, guardianUserId: string, audit: Audit): Event[] {
  const link = linked(student(state), guardianUserId);
  if (state.guardians.length === 1) throw new DomainError('last-guardian', { guardianUserId });
  if (link.primary) throw new DomainError('primary-guardian-cannot-be-unlinked', { guardianUserId });
  return [
    profile.guardianUnlinked({
      studentUserId: state.userId,
      guardianUserId,
      unlinkedBy: audit.by,
      unlinkedAt: audit.now,
    }),
  ];
}

export function makePrimary(state: ProfileData, guardianUserId: string, audit: Audit): Event[] {
  const link = linked(student(state), guardianUserId);
  if (link.primary) throw new DomainError('guardian-already-primary', { guardianUserId });
  const previous = state.guardians.find((g) => g.primary);
  // Unreachable while the invariant holds; a clear error beats an event with a made-up previous guardian.
  if (!previous) throw new DomainError('no-primary-guardian');
  return [
    profile.primaryGuardianChanged({
      studentUserId: state.userId,
      guardianUserId,
      previousGuardianUserId: previous.guardianUserId,
      changedBy: audit.by,
      changedAt: audit.now,
    }),
  ];
}
