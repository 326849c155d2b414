import { hasRole, type Principal } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';
import { ADMIN_ROLES, HR_ROLES, type Actor, type ProfileData } from '../domain';

/**
 * Who reads what (ADR 0022). A profile holds personal data (birth date,
 * address, emergency contacts), so all of it goes only to the person, an
 * admin, HR, or a guardian linked to the student. Staff of the tenant see the
 * directory card (name, avatar, per-app fields); students and guardians see
 * nobody else's profile, which for them does not exist (404).
 */
export const STAFF_ROLES: readonly Role[] = [
  'employee',
  'manager',
  'hr',
  'payroll-admin',
  'tenant-admin',
  'hq-admin',
  'school-admin',
  'teacher',
  'librarian',
];

const FULL_READERS: readonly Role[] = [...ADMIN_ROLES, ...HR_ROLES];

export type Visibility = 'full' | 'card' | 'none';

export function visibility(caller: Principal, profile: ProfileData): Visibility {
  if (caller.userId === profile.userId || hasRole(caller, ...FULL_READERS)) return 'full';
  if (profile.guardians.some((g) => g.guardianUserId === caller.userId)) return 'full';
  return hasRole(caller, ...STAFF_ROLES) ? 'card' : 'none';
}

/** The caller as the domain sees a person: their id and roles, from the verified token. */
export const actorOf = (caller: Principal): Actor => ({ type: 'person', userId: caller.userId, roles: caller.roles });
