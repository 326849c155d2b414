import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { Command } from './command';
import { normalizeLoginId } from './login-id';
import { type Grant, grantOf, sameGrant, type ScopeInput } from './roles';
import { type NewUser, register } from './user-registration';

/**
 * Stream `<tenant>/user/<userId>`: the public face of an account, published on
 * identity.user.v1 without a secret. Its version guards "deactivation blocks
 * new roles" and "each grant names exactly one scope". Secrets, sessions and
 * logins live in the credential stream of the same user.
 */
export type UserCommand =
  | Command<'InviteUser', NewUser & { invitedBy: string | null; employeeId?: string | null; studentId?: string | null }>
  | Command<'RegisterUser', NewUser>
  | Command<'VerifyEmail', { email: string }>
  /** Appended with the credential's PasswordSet in one transaction, so integrators learn of it without the hash. */
  | Command<'RecordPasswordChange', { reason: identity.PasswordChangeReason }>
  | Command<'GrantRole', { role: string; scope: ScopeInput; grantedBy: string | null }>
  | Command<'RevokeRole', { role: string; scope: ScopeInput; revokedBy: string | null }>
  /** Appended with the credential's DisableCredential (which revokes every session) in one transaction. */
  | Command<'DeactivateUser', { reason: string | null; deactivatedBy: string | null }>
  | Command<'ReactivateUser', { reactivatedBy: string | null }>
  /** From Admin's StudentEnrolled (a policy): this account is a guardian of that student. */
  | Command<'RecordGuardianship', { studentId: string; schoolId: string; relationship: string; primary: boolean }>;

export type UserEvent = identity.IdentityUserV1Event;

export type UserState =
  | { status: 'none' }
  | {
      status: 'active' | 'deactivated';
      userId: string;
      product: identity.Product;
      email: string;
      emailVerified: boolean;
      grants: Grant[];
      /** The Admin students this account is a guardian of. */
      guardianOf: string[];
    };

type Known = Exclude<UserState, { status: 'none' }>;

function existing(state: UserState): Known {
  if (state.status === 'none') throw new DomainError('user-not-found');
  return state;
}

function active(state: UserState): Known {
  const user = existing(state);
  if (user.status === 'deactivated') throw new DomainError('user-deactivated', { userId: user.userId });
  return user;
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'InviteUser':
    case 'RegisterUser':
      if (state.status !== 'none') throw new DomainError('user-already-registered', { userId: state.userId });
      return [register(command, now)];
    case 'VerifyEmail': {
      const user = active(state);
      // The link names the address it was sent to: a link for an old address must not verify a new one.
      if (normalizeLoginId(command.data.email) !== user.email) throw new DomainError('email-mismatch');
      // Clicking the link twice is harmless: nothing new to record.
      if (user.emailVerified) return [];
      return [identity.emailVerified({ userId: user.userId, email: user.email, verifiedAt: now })];
    }
    case 'RecordPasswordChange': {
      const user = active(state);
      return [identity.passwordChanged({ userId: user.userId, reason: command.data.reason, changedAt: now })];
    }
    case 'GrantRole': {
      const user = active(state);
      const grant = grantOf(user.product, command.data.role, command.data.scope);
      if (user.grants.some((g) => sameGrant(g, grant))) throw new DomainError('role-already-granted', { ...grant });
      return [
        identity.roleGranted({ userId: user.userId, ...grant, grantedBy: command.data.grantedBy, grantedAt: now }),
      ];
    }
    case 'RevokeRole': {
      // Allowed on a deactivated user too: taking rights away is always safe.
      const user = existing(state);
      const grant = grantOf(user.product, command.data.role, command.data.scope);
      if (!user.grants.some((g) => sameGrant(g, grant))) throw new DomainError('role-not-granted', { ...grant });
      return [
        identity.roleRevoked({ userId: user.userId, ...grant, revokedBy: command.data.revokedBy, revokedAt: now }),
      ];
    }
    case 'DeactivateUser': {
      const user = existing(state);
      if (user.status === 'deactivated') throw new DomainError('user-already-deactivated', { userId: user.userId });
      const { reason, deactivatedBy } = command.data;
      return [identity.userDeactivated({ userId: user.userId, reason, deactivatedBy, deactivatedAt: now })];
    }
    case 'ReactivateUser': {
      const user = existing(state);
      if (user.status === 'active') throw new DomainError('user-not-deactivated', { userId: user.userId });
      const { reactivatedBy } = command.data;
      return [identity.userReactivated({ userId: user.userId, reactivatedBy, reactivatedAt: now })];
    }
    case 'RecordGuardianship': {
      // A fact about the family, not a right: recorded on a deactivated account too (it grants nothing).
      const user = existing(state);
      const { studentId, schoolId, primary } = command.data;
      if (!isUuid(studentId)) throw new DomainError('invalid-student-id', { studentId });
      if (!isUuid(schoolId)) throw new DomainError('invalid-school-id', { schoolId });
      if (studentId === user.userId) throw new DomainError('guardian-is-the-student', { studentId });
      const relationship = command.data.relationship.trim();
      if (!relationship) throw new DomainError('relationship-required');
      // Once per student: a re-enrolment, or a replay under another command id, records nothing new.
      if (user.guardianOf.includes(studentId)) return [];
      return [
        identity.guardianshipRecorded({
          userId: user.userId,
          studentId,
          schoolId,
          relationship,
          primary,
          recordedAt: now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    const { userId, product, email } = event.data;
    return { status: 'active', userId, product, email, emailVerified: false, grants: [], guardianOf: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'EmailVerified':
      return { ...state, emailVerified: true };
    case 'PasswordChanged':
      return state;
    case 'RoleGranted':
      return { ...state, grants: [...state.grants, grantFrom(event.data)] };
    case 'RoleRevoked':
      return { ...state, grants: state.grants.filter((g) => !sameGrant(g, grantFrom(event.data))) };
    case 'UserDeactivated':
      return { ...state, status: 'deactivated' };
    case 'UserReactivated':
      return { ...state, status: 'active' };
    case 'GuardianshipRecorded':
      return { ...state, guardianOf: [...state.guardianOf, event.data.studentId] };
    default:
      return assertNever(event);
  }
}

const grantFrom = (data: identity.RoleGrantedData | identity.RoleRevokedData): Grant => ({
  role: data.role as Grant['role'],
  scopeType: data.scopeType,
  scopeId: data.scopeId,
});

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
