import type { Decider, TenantId } from '@hexfleet/kernel';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { type TenantState, tenantDecider } from '../domain';

/**
 * Who acts on a public route (login, provisioning, a reset link): no token
 * yet, so the tenant is the one the request names and the actor a label.
 * The platform's Commands take the stream's tenant from here.
 */
export const actingAs = (tenant: TenantId, actor: string): Principal => ({
  tenant,
  userId: actor,
  roles: [],
  grants: [],
  token: '',
});

/**
 * The login-id stream's id: the normalized email, with `%` and `/` escaped
 * (a stream id may not hold `/`, and an email's local part may), so two
 * different emails never share a stream.
 */
export const loginIdKey = (loginId: string): string => loginId.replace(/%/g, '%25').replace(/\//g, '%2F');

/** Applies commands one after another to a state, as one decision: each sees the events before it. */
export function decideAll<C, E, S>(decider: Decider<C, E, S>, state: S, commands: readonly C[]): E[] {
  const events: E[] = [];
  let current = state;
  for (const command of commands) {
    const decided = decider.decide(command, current);
    current = decided.reduce(decider.evolve, current);
    events.push(...decided);
  }
  return events;
}

/** The tenant a command runs in, as a fact: loaded, never appended to (except by provisioning). */
export async function tenantFacts(tx: StreamTransaction, tenant: TenantId) {
  const loaded = await tx.load(tenantDecider, 'tenant', tenant);
  return loaded.state;
}

export type KnownTenant = Exclude<TenantState, { status: 'none' }>;
