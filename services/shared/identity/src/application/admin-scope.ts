import { ForbiddenException } from '@nestjs/common';
import type { Role } from '@hexfleet/schemas';
import type { Grant } from '../domain';

/** Roles that administer the whole tenant: the company's admin, the school group's HQ. */
export const TENANT_ADMINS: readonly Role[] = ['tenant-admin', 'hq-admin'];
/** Every role that may manage users, within its scope. */
export const USER_ADMINS: readonly Role[] = [...TENANT_ADMINS, 'school-admin'];
/** What a school admin hands out in a school of theirs: no admin role, so nobody grows their own rights. */
const SCHOOL_GRANTABLE: readonly Role[] = ['teacher', 'librarian', 'student', 'guardian'];

const isTenantAdmin = (grants: readonly Grant[]) => grants.some((g) => TENANT_ADMINS.includes(g.role));

const schoolsAdministered = (grants: readonly Grant[]) =>
  grants.filter((g) => g.role === 'school-admin' && g.scopeType === 'school').map((g) => g.scopeId);

/**
 * Whether an admin (by their current grants, read from their user stream,
 * not the possibly older token) may grant or revoke `grant`. A tenant admin
 * may do anything in the tenant; a school admin only non-admin roles scoped
 * to a school they administer (a group's school is not known here, so group
 * grants need a tenant admin).
 */
export function mayManageGrant(admin: readonly Grant[], grant: Grant): boolean {
  if (isTenantAdmin(admin)) return true;
  return (
    grant.scopeType === 'school' &&
    SCHOOL_GRANTABLE.includes(grant.role) &&
    schoolsAdministered(admin).includes(grant.scopeId)
  );
}

export function assertMayManageGrants(admin: readonly Grant[], grants: readonly Grant[]): void {
  const refused = grants.find((g) => !mayManageGrant(admin, g));
  if (refused)
    throw new ForbiddenException(
      `You may not grant or revoke ${refused.role} on ${refused.scopeType}${refused.scopeId ? ` ${refused.scopeId}` : ''}`,
    );
}

/** Deactivation, reactivation and the login audit are the tenant admins' alone. */
export function assertTenantAdmin(admin: readonly Grant[]): void {
  if (!isTenantAdmin(admin)) throw new ForbiddenException(`This needs one of the roles: ${TENANT_ADMINS.join(', ')}`);
}
