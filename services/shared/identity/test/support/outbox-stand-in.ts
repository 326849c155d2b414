import { randomUUID } from 'node:crypto';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import type { EventContract } from '@hexfleet/schemas';
import { createTestDatabase, stackEnv, TEST_FLEET, testKafka, uniqueName } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';

/**
 * Another service as identity sees it (HRMS, Admin): events in an outbox, published by the
 * eventing relay to its topics with its contracts and CloudEvents source. None of its code runs.
 */
export class OutboxStandIn {
  private relays: Relay[] = [];
  private readonly kafka;

  private constructor(
    private readonly name: string,
    private readonly contracts: readonly EventContract[],
    private readonly source: string,
    readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
  ) {
    this.kafka = testKafka(`${name}-stand-in`);
  }

  static async start(name: string, contracts: readonly EventContract[], source: string) {
    const db = await createTestDatabase(`${name}-standin`);
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    return new OutboxStandIn(name, contracts, source, db, store);
  }

  /** Appends to `<tenant>/<aggregate>/<id>` at its current version; `publish` sends it. Returns the event id. */
  async record(tenant: string, aggregate: string, id: string, event: { type: string; data: unknown }) {
    const stream = streamId(TenantId.parse(tenant), aggregate, id);
    const version = (await this.store.readStream(stream)).length;
    const eventId = randomUUID();
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId, ...event }], version);
    return eventId;
  }

  /** A relay under a new name starts from the outbox's first event: every event is published again. */
  async publish(): Promise<void> {
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), this.contracts);
    await serde.registerAll();
    await this.stopPublishing();
    const relay = new Relay({
      name: uniqueName(this.name),
      databaseUrl: this.db.url,
      kafka: this.kafka,
      serde,
      source: this.source,
      fleet: TEST_FLEET,
    });
    relay.start();
    this.relays = [relay];
  }

  async stopPublishing() {
    await Promise.all(this.relays.map((r) => r.stop()));
    this.relays = [];
  }

  async close() {
    await this.stopPublishing();
    await this.db.drop();
  }
}
