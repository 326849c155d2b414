import { randomUUID } from 'node:crypto';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import type { EventContract } from '@hexfleet/schemas';
import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv, TEST_FLEET, testKafka, uniqueName } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';

/**
 * Another module as HQ sees it (libraries' loans, events' calendar): its events in an outbox,
 * published by the eventing relay with that module's contracts. None of its code runs here.
 */
export class OutboxStandIn {
  private relay?: Relay;

  private constructor(
    private readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
  ) {}

  static async start(name: string, contracts: readonly EventContract[], source: string) {
    const db = await createTestDatabase(`${name}-standin`);
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    const standIn = new OutboxStandIn(db, store);
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), contracts);
    await serde.registerAll();
    standIn.relay = new Relay({
      name: uniqueName(name),
      databaseUrl: db.url,
      kafka: testKafka(`${name}-stand-in`),
      serde,
      source,
      fleet: TEST_FLEET,
    });
    standIn.relay.start();
    return standIn;
  }

  /** Appends to `<tenant>/<aggregate>/<id>`; the relay publishes it. */
  async record(tenant: string, aggregate: string, id: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(tenant), aggregate, id);
    const version = (await this.store.readStream(stream)).length;
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId: randomUUID(), ...event }], version);
  }

  async close() {
    await this.relay?.stop();
    await this.db.drop();
  }
}
