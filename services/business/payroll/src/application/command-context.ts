import { Principal, requestContext, ServiceRuntime } from '@hexfleet/platform';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

const NEW_ID_NAMESPACE = '5a0c7e4e-2f4b-4d8e-b1f6-3c9e8d7a6b51';

/**
 * The id of a thing a request creates. With an `Idempotency-Key`, a retried
 * request must land on the same stream (the command id alone only deduplicates
 * within one stream), so the id derives from the key; otherwise it is fresh.
 */
export function newId(caller: Principal, kind: string): string {
  const key = requestContext()?.idempotencyKey;
  return key ? uuidv5(`${caller.tenant}/${caller.userId}/${key}/${kind}`, NEW_ID_NAMESPACE) : randomUUID();
}

/** Command metadata: the domain never reads a clock, so time comes in here. */
export const at = () => ({ now: new Date().toISOString() });

/** True when the caller holds one of `roles`. */
export const holds = (caller: Principal, ...roles: string[]) => roles.some((role) => caller.roles.includes(role));

/**
 * The running name of a read model: a service may run its projections under
 * an instance suffix (see the service definition), and a consistency token
 * must be awaited against the projection that actually runs.
 */
export function projectionName(runtime: ServiceRuntime, base: string): string {
  const running = runtime.definition.projections?.find((p) => p.name === base || p.name.startsWith(`${base}-`));
  return running?.name ?? base;
}
