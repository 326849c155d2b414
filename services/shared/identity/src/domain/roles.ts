import { DomainError, isUuid } from '@hexfleet/kernel';
import { BUSINESS_ROLES, isRole, SCHOOL_ROLES } from '@hexfleet/schemas';
import type { identity, Role } from '@hexfleet/schemas';

/**
 * The roles are the fleet's one catalogue (`@hexfleet/schemas`), which identity owns: a new
 * role is added there, then given its scopes here (a role without them fails to compile).
 *
 * Where each role may be granted. A business tenant has no schools, so its
 * roles cover the tenant; an HQ admin covers the whole school group (the
 * tenant); a school admin or librarian one school; teachers, students and
 * guardians a school or one student group of it.
 */
const SCOPES_OF: Record<Role, readonly identity.ScopeType[]> = {
  employee: ['tenant'],
  manager: ['tenant'],
  hr: ['tenant'],
  'payroll-admin': ['tenant'],
  'tenant-admin': ['tenant'],
  'hq-admin': ['tenant'],
  'school-admin': ['school'],
  librarian: ['school'],
  teacher: ['school', 'group'],
  student: ['school', 'group'],
  guardian: ['school', 'group'],
};

/** As a request spells a scope: the rule is that exactly one of these is given. */
export interface ScopeInput {
  tenant?: boolean;
  schoolId?: string | null;
  groupId?: string | null;
}

export interface Grant {
  role: Role;
  scopeType: identity.ScopeType;
  scopeId: string | null;
}

function scopeOf(scope: ScopeInput): Pick<Grant, 'scopeType' | 'scopeId'> {
  const named = [scope.tenant === true, scope.schoolId != null, scope.groupId != null].filter(Boolean).length;
  if (named !== 1) throw new DomainError('grant-needs-exactly-one-scope', { named });
  if (scope.tenant) return { scopeType: 'tenant', scopeId: null };
  const [scopeType, scopeId] =
    scope.schoolId != null ? (['school', scope.schoolId] as const) : (['group', scope.groupId ?? ''] as const);
  if (!isUuid(scopeId)) throw new DomainError('invalid-scope-id', { scopeType, scopeId });
  return { scopeType, scopeId };
}

/** A checked grant: a role of the tenant's product over one scope that role may cover. */
export function grantOf(product: identity.Product, role: string, scope: ScopeInput): Grant {
  const roles: readonly Role[] = product === 'business' ? BUSINESS_ROLES : SCHOOL_ROLES;
  if (!isRole(role) || !roles.includes(role)) throw new DomainError('role-not-in-product', { role, product });
  const { scopeType, scopeId } = scopeOf(scope);
  if (!SCOPES_OF[role].includes(scopeType))
    throw new DomainError('role-scope-not-allowed', { role, scopeType, allowed: SCOPES_OF[role] });
  return { role, scopeType, scopeId };
}

export const sameGrant = (a: Grant, b: Grant) =>
  a.role === b.role && a.scopeType === b.scopeType && a.scopeId === b.scopeId;
