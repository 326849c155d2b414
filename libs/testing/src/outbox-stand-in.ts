import { randomUUID } from 'node:crypto';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '@hexfleet/eventing';
import type { EventContract } from '@hexfleet/schemas';
import { TenantId } from '@hexfleet/kernel';
import { testKafka } from './await';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { stackEnv, TEST_FLEET, uniqueName } from './names';

/**
 * Another service as the service under test sees it: its events in an outbox of their own,
 * published by the eventing relay with that service's contracts, as its own relay would. None
 * of its code runs (Admin's hq-policies test has its own for HQ, from before this one).
 */
export class OutboxStandIn {
  private relay?: Relay;
  private versions = new Map<string, number>();
  private serde?: AvroSerde;

  private constructor(
    private readonly module: string,
    private readonly source: string,
    private readonly contracts: readonly EventContract[],
    private readonly db: TestDatabase,
    private readonly store: PostgresEventStore,
  ) {}

  static async start(module: string, source: string, contracts: readonly EventContract[]) {
    const db = await createTestDatabase(`${module}-standin`);
    const store = new PostgresEventStore(db.pool);
    await store.migrate();
    return new OutboxStandIn(module, source, contracts, db, store);
  }

  /** Appends to `<tenant>/<aggregate>/<id>`; answers the event id (what a reaction's causation id names). */
  async record(tenant: string, aggregate: string, id: string, event: { type: string; data: unknown }): Promise<string> {
    const stream = streamId(TenantId.parse(tenant), aggregate, id);
    const version = this.versions.get(stream) ?? 0;
    const eventId = randomUUID();
    await this.store.append(stream, TenantId.parse(tenant), [{ eventId, ...event }], version);
    this.versions.set(stream, version + 1);
    return eventId;
  }

  /** Starts the relay once; it then publishes whatever is recorded, as a service's relay does. */
  async publish(): Promise<void> {
    if (this.relay) return;
    this.serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), this.contracts);
    await this.serde.registerAll();
    this.relay = new Relay({
      name: uniqueName(this.module),
      databaseUrl: this.db.url,
      kafka: testKafka(`${this.module}-stand-in`),
      serde: this.serde,
      source: this.source,
      fleet: TEST_FLEET,
    });
    this.relay.start();
  }

  async close(): Promise<void> {
    await this.relay?.stop();
    await this.db.drop();
  }
}
