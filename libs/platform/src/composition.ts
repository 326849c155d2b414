import type { Type } from '@nestjs/common';
import { systemClock, uuidV7Ids } from '@hexfleet/eventing';
import type { ReadModel } from '@hexfleet/eventing';
import type { Clock, IdGenerator } from '@hexfleet/kernel';
import type { ServiceDefinition } from './runtime';

/** What a service's `create<Service>(overrides, env)` returns: its definition for the platform and its Nest module. */
export interface ServiceComposition {
  definition: ServiceDefinition;
  module: Type<unknown>;
}

/** The options every service is composed with, beside its own. */
export interface CommonOptions {
  clock: Clock;
  ids: IdGenerator;
  /**
   * Appended to every read model's name (so to its consumer group and bookkeeping),
   * empty or `-<name>` (PROJECTION_SUFFIX): a new suffix builds fresh read models beside
   * the old ones (blue/green rebuild), and lets several deployments (concurrent test
   * runs) share one Kafka cluster without sharing a group.
   */
  projectionSuffix: string;
}

const SUFFIX = /^(-[a-z0-9-]+)?$/;

/** The common options from the environment; a bad PROJECTION_SUFFIX stops the start with its name. */
export function commonOptions(service: string, env: NodeJS.ProcessEnv): CommonOptions {
  const projectionSuffix = env.PROJECTION_SUFFIX ?? '';
  if (!SUFFIX.test(projectionSuffix)) {
    throw new Error(`Invalid ${service} configuration: PROJECTION_SUFFIX must be empty or -<a-z0-9->`);
  }
  return { clock: systemClock, ids: uuidV7Ids, projectionSuffix };
}

/**
 * Every read model under its running name (`<name><suffix>`), by the role the service gives it.
 * (`ReadModel<never>`: a read model of any events; its handlers take their own contract's events,
 * so a `ReadModel<hrms.HrmsEmployeeV1Event>` is no `ReadModel<EventShape>`.)
 */
export function named<M extends Record<string, ReadModel<never>>>(readModels: M, suffix: string): M {
  if (!SUFFIX.test(suffix)) throw new Error(`Invalid projection suffix ${suffix}`);
  return Object.fromEntries(Object.entries(readModels).map(([role, model]) => [role, model.named(suffix)])) as M;
}
