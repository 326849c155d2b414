import type { Role } from '@hexfleet/schemas';

/**
 * Who sends a command. A person carries their user id and role names from
 * the verified token; a policy reacting to another service's event (EmployeeHired,
 * StudentAdmitted...) is the system. Whether a role's scope covers this
 * profile's school is the application's check: the domain sees role names.
 */
export type Actor = { type: 'system' } | { type: 'person'; userId: string; roles: readonly Role[] };

export const ADMIN_ROLES: readonly Role[] = ['tenant-admin', 'hq-admin', 'school-admin'];
export const HR_ROLES: readonly Role[] = ['hr', 'tenant-admin'];
export const SCHOOL_ADMIN_ROLES: readonly Role[] = ['school-admin', 'hq-admin'];

/** A policy (the system) may do what any role may. */
export const hasAnyRole = (actor: Actor, roles: readonly Role[]) =>
  actor.type === 'system' || actor.roles.some((role) => roles.includes(role));

export const actorId = (actor: Actor): string | null => (actor.type === 'person' ? actor.userId : null);
