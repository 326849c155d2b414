import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { callService, startLocalService, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, LocalService, Reply } from '@hexfleet/testing';
import { createEvents } from '../../src/events.module';

export type { Reply };
export const call = callService;
export type EventsHarness = LocalService<RunningService> & {
  issuer: DevIssuer;
  /** The consumer group of each read model (suffixed for this run), by topic: what a redelivery waits for. */
  groups: ReturnType<typeof consumerGroups>;
};

/**
 * The Events service in-process on the run's stack (libs/testing's startLocalService):
 * its own database and read-model names, tokens from `issuer`, maybe a test clock.
 */
export async function startEvents(issuer: DevIssuer, clock?: Clock): Promise<EventsHarness> {
  const { definition, module } = createEvents(
    { projectionSuffix: `-${uniqueName('t')}`, ...(clock ? { clock } : {}) },
    {},
  );
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer, groups: consumerGroups(definition) });
}
