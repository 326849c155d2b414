import type { Type } from '@nestjs/common';
import { consumerGroups, createService, RunningService, ServiceDefinition } from '@hexfleet/platform';
import {
  callService,
  CallOptions,
  createTestDatabase,
  DevIssuer,
  listenOnFreePort,
  Reply,
  serviceTestEnv,
  withBuiltService,
  startGroupsAtTopicEnds,
  TestDatabase,
  uniqueName,
} from '@hexfleet/testing';
import { hrmsService, HrmsModule } from '../../src/hrms.module';

export type { CallOptions, Reply };

export interface ServiceHarness extends RunningService {
  url: string;
  db: TestDatabase;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * A service on the run's stack with a database of its own, listening on a free
 * port. Its consumer groups (named per test instance) first start at the topics'
 * current ends, so earlier runs' events are neither replayed nor acted on.
 */
export async function startService(
  definition: ServiceDefinition,
  feature: Type<unknown>,
  issuer: DevIssuer,
): Promise<ServiceHarness> {
  await startGroupsAtTopicEnds(consumerGroups(definition));
  const db = await createTestDatabase(definition.name);
  const service = await createService(definition, feature, { env: serviceTestEnv(db.url, issuer) });
  const url = await listenOnFreePort(service.app);
  return {
    ...service,
    url,
    db,
    call: (method, path, options) => callService(url, method, path, options),
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}

/** Stored events of one type in a service's event store. */
export async function storedEvents(harness: { db: TestDatabase }, type: string, streamId?: string): Promise<number> {
  const { rows } = await harness.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where event_type = $1 and ($2::text is null or stream_id = $2)',
    [type, streamId ?? null],
  );
  return Number(rows[0].n);
}

/** HRMS in this process, payroll as deployed beside it (its own process and database; Kafka between them). */
export const hrmsWithPayroll = (name: string) =>
  withBuiltService('services/business/payroll', (issuer) =>
    startService(hrmsService({ suffix: `-${uniqueName(name)}` }), HrmsModule, issuer),
  );
