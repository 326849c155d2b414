import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv, TestDatabase, uniqueName } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '../src';
import { accountContracts } from './example/account.contracts';
import { consumeUntil, createTopic, testKafka } from './support/kafka';

const tenant = TenantId.parse('leadertest');
const EVENTS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
  return Date.now() - started;
}

describe('relay leadership', () => {
  const topic = uniqueName('example.account.v1');
  let db: TestDatabase;
  const relays: Relay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relaylead');
    await new PostgresEventStore(db.pool).migrate();
    await createTopic(topic);
    for (let i = 0; i < 2; i++) {
      const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), accountContracts(topic));
      relays.push(
        new Relay({
          name: 'leaders',
          databaseUrl: db.url,
          kafka: testKafka(`relay-${i}`),
          serde,
          source: '/example/account',
          batchSize: 100,
          pollIntervalMs: 100,
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await db.drop();
  });

  it('one leader publishes; when its session is killed the other takes over within 5 s, with no gaps', async () => {
    const store = new PostgresEventStore(db.pool);
    relays.forEach((r) => r.start());
    await waitFor(() => relays.some((r) => r.leader), 5000);
    await sleep(300);
    expect(relays.filter((r) => r.leader)).toHaveLength(1);
    const first = relays.find((r) => r.leader) as Relay;
    const second = relays.find((r) => r !== first) as Relay;

    const streams = Array.from({ length: 50 }, () => streamId(tenant, 'account', uuidv7()));
    const versions = new Map<string, number>();
    const write = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const stream = streams[i % streams.length];
        const version = versions.get(stream) ?? 0;
        await store.append(
          stream,
          tenant,
          [{ eventId: uuidv7(), type: 'Deposited', data: { amountMinor: i, note: '' } }],
          version,
        );
        versions.set(stream, version + 1);
      }
    };

    await write(0, EVENTS / 2);
    // Kill the leader the way a crash would: its database session ends, and with it the lock.
    await db.pool.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and database =
         (select oid from pg_database where datname = current_database())`,
    );
    const takeover = await waitFor(() => second.leader, 5000);
    await waitFor(() => !first.leader, 1000);
    await write(EVENTS / 2, EVENTS);

    const records = await consumeUntil(
      topic,
      (all) => new Set(all.map((r) => String(r.headers?.ce_id))).size >= EVENTS,
    );
    const firstDeliveries = new Map<string, number[]>();
    const seen = new Set<string>();
    for (const record of records) {
      const id = String(record.headers?.ce_id);
      if (seen.has(id)) continue;
      seen.add(id);
      const key = String(record.key);
      firstDeliveries.set(key, [...(firstDeliveries.get(key) ?? []), Number(String(record.headers?.stream_version))]);
    }
    expect(seen.size).toBe(EVENTS);
    for (const [key, v] of firstDeliveries) expect({ key, v }).toEqual({ key, v: v.map((_, i) => i + 1) });
    expect(relays.filter((r) => r.leader)).toHaveLength(1);
    process.stdout.write(`relay takeover after leader kill: ${takeover} ms\n`);
  });
});
