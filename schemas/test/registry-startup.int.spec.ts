import { startSchemaRegistry } from '../src/registry';
import { deleteTopics, testKafka, uniqueTopic } from './support/kafka';

// Start-up failures say what is wrong instead of hanging or failing later.

jest.setTimeout(60_000);

it('says which brokers it cannot reach', async () => {
  await expect(startSchemaRegistry({ brokers: ['127.0.0.1:1'], port: 0 })).rejects.toThrow(
    /cannot reach Kafka at 127\.0\.0\.1:1 \(KAFKA_BROKERS\)/,
  );
});

it('refuses a schemas topic with more than one partition, since its log must be totally ordered', async () => {
  const topic = uniqueTopic('partitions');
  const admin = testKafka().admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
  await admin.disconnect();
  try {
    const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
    await expect(startSchemaRegistry({ brokers, topic, port: 0 })).rejects.toThrow(
      /has 2 partitions; the registry needs exactly 1/,
    );
  } finally {
    await deleteTopics(topic);
  }
});
