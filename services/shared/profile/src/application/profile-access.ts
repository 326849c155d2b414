import type { Principal } from '@hexfleet/platform';
import { ADMIN_ROLES, HR_ROLES, type ProfileData } from '../domain';

/**
 * Who reads what (ADR 0022). A profile holds personal data (birth date,
 * address, emergency contacts), so all of it goes only to the person, an
 * admin, HR, or a guardian linked to the student. Staff of the tenant see the
 * directory card (name, avatar, per-app fields); students and guardians see
 * nobody else's profile, which for them does not exist (404).
 */
export const STAFF_ROLES = [
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

const FULL_READERS: readonly string[] = [...ADMIN_ROLES, ...HR_ROLES];

export type Visibility = 'full' | 'card' | 'none';

const holdsAny = (caller: Principal, roles: readonly string[]) => caller.roles.some((role) => roles.includes(role));

export function visibility(caller: Principal, profile: ProfileData): Visibility {
  if (caller.userId === profile.userId || holdsAny(caller, FULL_READERS)) return 'full';
  if (profile.guardians.some((g) => g.guardianUserId === caller.userId)) return 'full';
  return holdsAny(caller, STAFF_ROLES) ? 'card' : 'none';
}
