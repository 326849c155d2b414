import { AsyncLocalStorage } from 'node:async_hooks';
import type { TenantId } from '@hexfleet/kernel';
import type { Role } from '@hexfleet/schemas';

/** A role over one scope, as identity grants it: the whole tenant, one school, or one student group. */
export interface Grant {
  role: Role;
  scopeType: 'tenant' | 'school' | 'group';
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
   * Each role with its scope (the token's `grants` claim). Absent from a token that has
   * none (the dev issuer's plain tokens): its roles then hold tenant-wide.
   */
  grants?: readonly Grant[];
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

/** Where a caller's roles reach: the whole tenant, or some schools and groups of it. */
export interface Reach {
  tenant: boolean;
  schools: readonly string[];
  groups: readonly string[];
}

/**
 * Where the caller holds one of `roles`: a school product's fence. A tenant-wide grant
 * (an HQ admin's) reaches every school; a school or group grant reaches that one.
 */
export function reachOf(caller: Pick<Principal, 'roles' | 'grants'>, ...roles: readonly Role[]): Reach {
  const grants = (
    caller.grants ?? caller.roles.map((role) => ({ role, scopeType: 'tenant' as const, scopeId: null }))
  ).filter((g) => roles.includes(g.role));
  const ids = (type: Grant['scopeType']) =>
    grants.flatMap((g) => (g.scopeType === type && g.scopeId ? [g.scopeId] : []));
  return { tenant: grants.some((g) => g.scopeType === 'tenant'), schools: ids('school'), groups: ids('group') };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served (undefined outside one, e.g. in a Kafka consumer). */
export const requestContext = (): RequestContext | undefined => storage.getStore();

export const runInRequestContext = <T>(context: RequestContext, work: () => T): T => storage.run(context, work);
