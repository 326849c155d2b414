import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, stackEnv, TestDatabase, uniqueName } from '@hexfleet/testing';
import type { Kafka, Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { AvroSerde, PostgresEventStore, Relay, streamId } from '../src';
import { accountContracts } from './example/account.contracts';
import { consumeUntil, createTopic, testKafka } from './support/kafka';

const tenant = TenantId.parse('producerco');

/**
 * A kafkajs idempotent producer can fall out of step with the broker's sequence numbers
 * after a broker restart and then fail every send (kafkajs issue #598): a relay that kept
 * it published nothing more (the chaos suite's kafka-kill saw 7,048 events stay in the
 * store). Here the relay's first producer is broken for good by disconnecting it: the
 * relay must give up on it and publish the rest on a new one.
 */
describe('relay: a producer that keeps failing is replaced', () => {
  const topic = uniqueName('example.account.v1');
  const made: Producer[] = [];
  let db: TestDatabase;
  let store: PostgresEventStore;
  let relay: Relay;

  beforeAll(async () => {
    db = await createTestDatabase('relayproducer');
    store = new PostgresEventStore(db.pool);
    await store.migrate();
    await createTopic(topic);
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), accountContracts(topic));
    await serde.registerAll();
    const kafka = testKafka('relay-producer');
    // The real client; the test only keeps hold of each producer the relay makes.
    const watched: Pick<Kafka, 'producer'> = {
      producer: (config) => {
        const producer = kafka.producer(config);
        made.push(producer);
        return producer;
      },
    };
    relay = new Relay({
      name: 'producer',
      databaseUrl: db.url,
      kafka: watched,
      serde,
      source: '/example/account',
      pollIntervalMs: 100,
    });
    relay.start();
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  const deposit = async (account: string, version: number) => {
    await store.append(
      streamId(tenant, 'account', account),
      tenant,
      [{ eventId: uuidv7(), type: 'Deposited', data: { amountMinor: 1, note: '' } }],
      version,
    );
  };

  it('publishes the events after the failure on a new producer, none missing', async () => {
    await deposit('before', 0);
    await consumeUntil(topic, (records) => records.length >= 1);
    expect(made).toHaveLength(1);

    await made[0].disconnect(); // from now on every send on it throws "The producer is disconnected"
    for (let i = 0; i < 5; i++) await deposit(`after-${i}`, 0);

    const records = await consumeUntil(topic, (all) => new Set(all.map((r) => String(r.headers?.ce_id))).size >= 6);
    const keys = new Set(records.map((r) => String(r.key)));
    console.log(`producers the relay made: ${made.length}; distinct events on the topic: ${keys.size}`);
    expect(keys.size).toBe(6);
    expect(made.length).toBeGreaterThanOrEqual(2);
  });
});
