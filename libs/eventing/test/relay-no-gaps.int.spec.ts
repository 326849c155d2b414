import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv, TestDatabase, uniqueName } from '@hexfleet/testing';
import { v7 as uuidv7 } from 'uuid';
import { appendIn, AvroSerde, ConcurrencyError, NewEvent, PostgresEventStore, Relay, streamId } from '../src';
import { accountContracts } from './example/account.contracts';
import { consumeUntil, createTopic, testKafka } from './support/kafka';

const WRITERS = 8;
const STREAMS = 500;
const EVENTS = 20_000;
const tenant = TenantId.parse('gaptest');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deposit = (i: number): NewEvent => ({ eventId: uuidv7(), type: 'Deposited', data: { amountMinor: i, note: '' } });

describe('relay: no gaps under concurrency', () => {
  const topic = uniqueName('example.account.v1');
  let db: TestDatabase;
  let relay: Relay;

  beforeAll(async () => {
    db = await createTestDatabase('relaygaps');
    await new PostgresEventStore(db.pool).migrate();
    await createTopic(topic);
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), accountContracts(topic));
    await serde.registerAll();
    relay = new Relay({
      name: 'gaps',
      databaseUrl: db.url,
      kafka: testKafka('relay'),
      serde,
      source: '/example/account',
      batchSize: 500,
      pollIntervalMs: 200,
    });
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  it(`${WRITERS} writers, ${EVENTS} events, ${STREAMS} streams, some transactions held open: every event on Kafka once in stream order`, async () => {
    relay.start();
    const streams = Array.from({ length: STREAMS }, () => streamId(tenant, 'account', uuidv7()));
    const versions = new Map(streams.map((s) => [s, 0]));
    let remaining = EVENTS;
    let heldOpen = 0;

    const writer = async () => {
      while (remaining > 0) {
        const count = Math.min(remaining, 1 + Math.floor(Math.random() * 3));
        remaining -= count;
        const stream = streams[Math.floor(Math.random() * STREAMS)];
        const events = Array.from({ length: count }, (_, i) => deposit(i));
        for (;;) {
          const client = await db.pool.connect();
          try {
            await client.query('begin');
            await appendIn(client, stream, tenant, events, versions.get(stream) ?? 0);
            // Hold some transactions open after their insert: their positions are taken, not yet committed.
            if (Math.random() < 0.1) {
              heldOpen++;
              await sleep(5 + Math.random() * 45);
            }
            await client.query('commit');
            versions.set(stream, (versions.get(stream) ?? 0) + count);
            break;
          } catch (error) {
            await client.query('rollback');
            if (!(error instanceof ConcurrencyError) && (error as { code?: string }).code !== '23505') throw error;
            versions.set(stream, error instanceof ConcurrencyError ? error.actualVersion : (versions.get(stream) ?? 0));
          } finally {
            client.release();
          }
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(heldOpen).toBeGreaterThan(100);

    const { rows: stored } = await db.pool.query<{ event_id: string }>('select event_id from eventstore.events');
    expect(stored).toHaveLength(EVENTS);
    const storedIds = new Set(stored.map((r) => r.event_id));

    const seen = new Set<string>();
    const records = await consumeUntil(topic, (all) => {
      return new Set(all.map((r) => String(r.headers?.ce_id))).size >= EVENTS;
    });

    // Every stored event is on Kafka, and nothing else is.
    const publishedIds = new Set(records.map((r) => String(r.headers?.ce_id)));
    expect([...storedIds].filter((id) => !publishedIds.has(id))).toEqual([]);
    expect(publishedIds.size).toBe(EVENTS);

    // Per stream (key), first deliveries arrive in stream_version order 1, 2, 3, ...
    const perKey = new Map<string, number[]>();
    for (const record of records) {
      const id = String(record.headers?.ce_id);
      if (seen.has(id)) continue; // an at-least-once redelivery
      seen.add(id);
      const key = String(record.key);
      perKey.set(key, [...(perKey.get(key) ?? []), Number(String(record.headers?.stream_version))]);
    }
    for (const [key, streamVersions] of perKey) {
      expect({ key, streamVersions }).toEqual({ key, streamVersions: streamVersions.map((_, i) => i + 1) });
    }
    expect([...perKey.values()].reduce((n, v) => n + v.length, 0)).toBe(EVENTS);
  });
});
