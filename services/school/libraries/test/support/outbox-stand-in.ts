import { randomUUID } from 'node:crypto';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import type { EventContract } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv, TEST_FLEET, testKafka, uniqueName } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';

/**
 * Other services as libraries sees them (Admin, HQ, identity): their events in an outbox,
 * published by the eventing relay with their contracts, as their own relays would. None of
 * their code runs. (As admin's test/hq-policies.int.spec.ts does for HQ.)
 */
export class OutboxStandIn {
  private relay?: Relay;
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
    private readonly contracts: readonly EventContract[],
  ) {}

  static async start(contracts: readonly EventContract[]) {
    const db = await createTestDatabase('libraries-standin');
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    return new OutboxStandIn(db, store, contracts);
  }

  /** Appends an event to `<tenant>/<aggregate>/<id>`; answers its id (the `ce_id` its record carries). */
  async record(tenant: string, aggregate: string, id: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(tenant), aggregate, id);
    const version = this.versions.get(stream) ?? 0;
    const eventId = randomUUID();
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId, ...event }], version);
    this.versions.set(stream, version + 1);
    return eventId;
  }

  /** A relay under a new name starts from the outbox's first event: every event is published (again). */
  async publish() {
    await this.relay?.stop();
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), this.contracts);
    await serde.registerAll();
    this.relay = new Relay({
      name: uniqueName('standin'),
      databaseUrl: this.db.url,
      kafka: testKafka('libraries-stand-in'),
      serde,
      source: '/school/stand-in',
      fleet: TEST_FLEET,
    });
    this.relay.start();
  }

  async close() {
    await this.relay?.stop();
    await this.db.drop();
  }
}
