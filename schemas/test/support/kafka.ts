import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export function kafkaBrokers(): string[] {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is not set; the integration test harness (or you) must provide Kafka');
  return brokers;
}

export const testKafka = () =>
  new Kafka({ clientId: 'schemas-tests', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

export const uniqueTopic = (purpose: string) => `_schemas-test-${purpose}-${randomUUID().slice(0, 8)}`;

export async function deleteTopics(...topics: string[]): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Every record of a topic, from its beginning to its current end, as text. */
export async function readTopic(topic: string): Promise<{ offset: number; key: string; value: string | null }[]> {
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  const [{ high }] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const records: { offset: number; key: string; value: string | null }[] = [];
  const consumer = kafka.consumer({ groupId: `schemas-tests-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not reach offset ${high} of ${topic}`)), 30_000);
    consumer
      .run({
        eachMessage: async ({ message }) => {
          records.push({
            offset: Number(message.offset),
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? null,
          });
          if (Number(message.offset) >= Number(high) - 1) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return records;
}
