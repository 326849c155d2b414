import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { stackEnv, testKafka, uniqueName } from '../src';
import { Admin, ConfigResourceTypes } from 'kafkajs';

const RECORDS = 10_000;
const KEYS = 20;

const kafka = () => testKafka('devstack-test');

describe('the stack runs a real single-node KRaft Kafka', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = kafka().admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  it('has exactly one broker, which is also the KRaft controller', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers).toHaveLength(1);
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(cluster.brokers[0].nodeId) }],
      includeSynonyms: false,
    });
    const config = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    // `process.roles` exists only in KRaft mode; a ZooKeeper broker has `zookeeper.connect` instead.
    expect(config['process.roles']?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(config['zookeeper.connect'] ?? null).toBeNull();
    expect(config['auto.create.topics.enable']).toBe('false');
  });
});

describe('Avro records in the Confluent wire format through the schema registry', () => {
  const topic = uniqueName('devstack.reading.v1');
  const schema = {
    type: 'record',
    name: 'ReadingTaken',
    namespace: 'dev.hexfleet.devstack',
    fields: [
      { name: 'sensor', type: 'string' },
      { name: 'seq', type: 'int' },
      { name: 'celsius', type: 'double' },
    ],
  };
  const subject = `${topic}-dev.hexfleet.devstack.ReadingTaken`; // TopicRecordNameStrategy
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka().admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '-1' }] }],
    });
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it(`produces ${RECORDS} records and consumes and decodes every one, in order per key`, async () => {
    const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });

    const producer = kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let start = 0; start < RECORDS; start += 1000) {
      const messages = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          const seq = start + i;
          const sensor = `sensor-${seq % KEYS}`;
          return { key: sensor, value: await registry.encode(id, { sensor, seq, celsius: seq / 10 }) };
        }),
      );
      const first = messages[0].value;
      expect(first[0]).toBe(0); // magic byte
      expect(first.readInt32BE(1)).toBe(id); // 4-byte schema id
      await producer.send({ topic, acks: -1, messages });
    }
    await producer.disconnect();

    const consumer = kafka().consumer({ groupId: uniqueName('devstack-test') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen = new Map<string, number[]>();
    let count = 0;
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (!message.value || !message.key) throw new Error('a record without key or value');
            const decoded = (await registry.decode(message.value)) as { sensor: string; seq: number };
            expect(decoded.sensor).toBe(message.key.toString());
            seen.set(decoded.sensor, [...(seen.get(decoded.sensor) ?? []), decoded.seq]);
            if (++count === RECORDS) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();

    expect(count).toBe(RECORDS);
    expect(seen.size).toBe(KEYS);
    for (const [sensor, seqs] of seen) {
      expect(seqs).toHaveLength(RECORDS / KEYS);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // per-key order kept
      expect(seqs[0] % KEYS).toBe(Number(sensor.split('-')[1]));
    }
  });
});
