import { AsyncLocalStorage } from 'node:async_hooks';
import type { TenantId } from '@hexfleet/kernel';
import type { Role } from '@hexfleet/schemas';

/** What a grant covers: the whole tenant, one school, or one student group (identity grants each role over one). */
export type GrantScope = 'tenant' | 'school' | 'group';

/** A role over one scope, as identity grants it and its tokens carry it (`grants` claim). */
export interface ScopedGrant {
  role: Role;
  scopeType: GrantScope;
  /** The school or group (UUID); null for the tenant. */
  scopeId: string | null;
}

/** Who is calling, as the verified token says: the only source of the tenant. */
export interface Principal {
  tenant: TenantId;
  userId: string;
  /** Roles from the fleet's catalogue (`@hexfleet/schemas`); a role the catalogue does not know is dropped. */
  roles: readonly Role[];
  /**
   * Each role with the scope it was granted over, for services that fence by school. A token
   * without the claim (or a grant that is malformed or names an unknown role) gives none.
   */
  grants: readonly ScopedGrant[];
  /** The raw bearer token, to forward on calls made for this caller. */
  token: string;
}

export interface RequestContext {
  correlationId: string;
  principal?: Principal;
  /** `Idempotency-Key` request header: a retried command with the same key is applied once. */
  idempotencyKey?: string;
  /** `X-Consistency-Token` request header: the write(s) a query must see, one token or a list. */
  readAfter?: string;
  /** Set by a command: returned as `X-Consistency-Token`. */
  consistencyToken?: string;
  /** Set by a query that waited: returned as `X-Consistency` (`fresh` or `stale`). */
  freshness?: 'fresh' | 'stale';
}

/** True when the caller holds at least one of `roles`. */
export const hasRole = (caller: Pick<Principal, 'roles'>, ...roles: readonly Role[]) =>
  roles.some((role) => caller.roles.includes(role));

/** The schools (ids) where the caller holds one of `roles` by a school-scoped grant. */
export const schoolsWhere = (caller: Pick<Principal, 'grants'>, ...roles: readonly Role[]): string[] => [
  ...new Set(
    caller.grants.flatMap((g) => (g.scopeType === 'school' && g.scopeId && roles.includes(g.role) ? [g.scopeId] : [])),
  ),
];

/**
 * The school fence (ADR 0039, 0041): `hq-admin` (granted over the tenant, when among `roles`)
 * reaches every school; a school grant of one of `roles` its school; a group grant (a teacher
 * or student of one group) that group only.
 */
export function reachesSchool(
  caller: Pick<Principal, 'grants' | 'roles'>,
  roles: readonly Role[],
  schoolId: string,
  groupId?: string,
): boolean {
  if (roles.includes('hq-admin') && hasRole(caller, 'hq-admin')) return true;
  if (schoolsWhere(caller, ...roles).includes(schoolId)) return true;
  return (
    groupId !== undefined &&
    caller.grants.some((g) => g.scopeType === 'group' && g.scopeId === groupId && roles.includes(g.role))
  );
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served (undefined outside one, e.g. in a Kafka consumer). */
export const requestContext = (): RequestContext | undefined => storage.getStore();

export const runInRequestContext = <T>(context: RequestContext, work: () => T): T => storage.run(context, work);
