import { stackEnv, uniqueName } from '@hexfleet/testing';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';

export const testKafka = (clientId = 'eventing-test') =>
  new Kafka({
    clientId,
    brokers: stackEnv('KAFKA_BROKERS').split(','),
    logLevel: process.env.KAFKAJS_LOG ? logLevel.ERROR : logLevel.NOTHING,
  });

export async function createTopic(name: string, partitions = 6): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: partitions }] });
  await admin.disconnect();
}

/** Reads a topic from the start with a fresh group until `done(records)` says so (or the time runs out). */
export async function consumeUntil(
  topic: string,
  done: (records: KafkaMessage[]) => boolean,
  timeoutMs = 60_000,
): Promise<KafkaMessage[]> {
  const consumer = testKafka().consumer({ groupId: uniqueName('verify') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const records: KafkaMessage[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${records.length} records on ${topic} after ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            records.push(...batch.messages);
            if (done(records)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
