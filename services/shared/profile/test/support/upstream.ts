import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { streamId } from '@hexfleet/eventing';
import type { DomainEvent } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { TOPIC_CATALOG } from '@hexfleet/schemas';
import type { EventContract } from '@hexfleet/schemas';
import { createTestDatabase, serviceTestEnv } from '@hexfleet/testing';
import type { DevIssuer, TestDatabase } from '@hexfleet/testing';

@Module({})
class NoRoutes {}

export interface Upstream {
  /** Appends to `<tenant>/<aggregate>/<id>` at its current version; the relay publishes it. */
  append(tenant: string, aggregate: string, id: string, ...events: DomainEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Another service's write side as it runs in production, minus its code: the
 * platform's event store and relay with that service's contracts, topics and
 * CloudEvents source. What the test appends reaches Kafka exactly as the real
 * service's events do (Avro, registry, headers), which is all profile sees.
 */
export async function startUpstream(
  owner: 'identity' | 'hrms' | 'admin',
  source: string,
  contracts: readonly EventContract[],
  issuer: DevIssuer,
): Promise<Upstream> {
  const db: TestDatabase = await createTestDatabase(`${owner}_standin`);
  const definition = {
    name: `${owner}-standin`,
    source,
    contracts,
    topics: TOPIC_CATALOG.filter((t) => t.owner === owner),
  };
  let service: RunningService;
  try {
    service = await createService(definition, NoRoutes, { env: serviceTestEnv(db.url, issuer) });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const { store } = service.runtime;
  return {
    async append(tenant, aggregate, id, ...events) {
      const stream = streamId(TenantId.parse(tenant), aggregate, id);
      const version = (await store.readStream(stream)).length;
      const recorded = events.map((event) => ({ eventId: randomUUID(), ...event }));
      await store.append(stream, TenantId.parse(tenant), recorded, version);
    },
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}
