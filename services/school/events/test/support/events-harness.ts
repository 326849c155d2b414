import type { Clock } from '@hexfleet/kernel';
import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import {
  callService,
  createTestDatabase,
  listenOnFreePort,
  serviceTestEnv,
  startGroupsAtTopicEnds,
  uniqueName,
} from '@hexfleet/testing';
import type { DevIssuer, Reply, TestDatabase } from '@hexfleet/testing';
import { createEvents } from '../../src/events.module';

export type { Reply };
export const call = callService;
export interface EventsHarness extends RunningService {
  url: string;
  db: TestDatabase;
  issuer: DevIssuer;
  close(): Promise<void>;
}

/** The Events service in-process: its own database and read-model names, tokens from `issuer`, maybe a test clock. */
export async function startEvents(issuer: DevIssuer, clock?: Clock): Promise<EventsHarness> {
  const db = await createTestDatabase('events');
  const { definition, module } = createEvents(
    { projectionSuffix: `-${uniqueName('t')}`, ...(clock ? { clock } : {}) },
    {},
  );
  // The shared stack's topics hold every earlier run's events: start the new groups at their ends.
  await startGroupsAtTopicEnds(
    (definition.projections ?? []).map((p) => ({ groupId: `projection.${p.name}`, topics: p.topics })),
  );
  const service = await createService(definition, module, { env: serviceTestEnv(db.url, issuer) });
  const url = await listenOnFreePort(service.app);
  return {
    ...service,
    url,
    db,
    issuer,
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}
