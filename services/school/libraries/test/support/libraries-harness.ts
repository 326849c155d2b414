import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import {
  callService,
  createDevIssuer,
  createTestDatabase,
  listenOnFreePort,
  serviceTestEnv,
  startGroupsAtTopicEnds,
  uniqueName,
} from '@hexfleet/testing';
import type { CallOptions, DevIssuer, Reply, TestDatabase } from '@hexfleet/testing';
import { createLibraries } from '../../src/libraries.module';

export type { CallOptions, Reply };

export interface LibrariesHarness extends RunningService {
  url: string;
  db: TestDatabase;
  issuer: DevIssuer;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The Libraries service in-process on the run's stack: its own database, its own
 * read-model names (so parallel tests never share a consumer group), a clock the
 * test controls, and the job timers off (tests run the jobs themselves).
 */
export async function startLibraries(clock: Clock, issuer?: DevIssuer): Promise<LibrariesHarness> {
  const db = await createTestDatabase('libraries');
  const devIssuer = issuer ?? (await createDevIssuer());
  const { definition, module } = createLibraries(
    { clock, overdueScanIntervalMs: 0, holdExpiryScanIntervalMs: 0, projectionSuffix: `-${uniqueName('t')}` },
    {},
  );
  // The shared stack's topics hold every earlier run's events: start the new groups at their ends.
  await startGroupsAtTopicEnds(
    (definition.projections ?? []).map((p) => ({ groupId: `projection.${p.name}`, topics: p.topics })),
  );
  const service = await createService(definition, module, { env: serviceTestEnv(db.url, devIssuer) });
  const url = await listenOnFreePort(service.app);
  return {
    ...service,
    url,
    db,
    issuer: devIssuer,
    call: (method, path, options) => callService(url, method, path, options),
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}
