import { Principal, ServiceRuntime } from '@hexfleet/platform';

/** Ids of new things follow the request's `Idempotency-Key` (see the platform's newId). */
export { newId } from '@hexfleet/platform';

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
