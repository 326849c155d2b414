/**
 * Who sends a command. A person carries their user id and role names from
 * the verified token; a policy reacting to another service's event (EmployeeHired,
 * StudentAdmitted...) is the system. Whether a role's scope covers this
 * profile's school is the application's check: the domain sees role names.
 */
export type Actor = { type: 'system' } | { type: 'person'; userId: string; roles: readonly string[] };

export const ADMIN_ROLES = ['tenant-admin', 'hq-admin', 'school-admin'] as const;
export const HR_ROLES = ['hr', 'tenant-admin'] as const;
export const SCHOOL_ADMIN_ROLES = ['school-admin', 'hq-admin'] as const;

export const hasAnyRole = (actor: Actor, roles: readonly string[]) =>
  actor.type === 'system' || actor.roles.some((role) => roles.includes(role));

export const actorId = (actor: Actor): string | null => (actor.type === 'person' ? actor.userId : null);
