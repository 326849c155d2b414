import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { stackEnv, uniqueName } from './names';

/**
 * Waits until `check` holds (a projection caught up, a row appeared), polling,
 * and fails with `what` when it does not within the time. Errors thrown by
 * `check` count as "not yet" (the table may not exist yet).
 */
export async function eventually(
  check: () => Promise<boolean>,
  { timeoutMs = 30_000, what = 'condition', pollMs = 50 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A kafkajs client on the run's stack (KAFKAJS_LOG=1 shows its errors). */
export const testKafka = (clientId = 'test') =>
  new Kafka({
    clientId,
    brokers: stackEnv('KAFKA_BROKERS').split(','),
    logLevel: process.env.KAFKAJS_LOG ? logLevel.ERROR : logLevel.NOTHING,
  });

/** Reads a topic from the start, with a group of its own, until `done(records)` says so or the time runs out. */
export async function readTopicUntil(
  topic: string,
  done: (records: KafkaMessage[]) => boolean,
  { timeoutMs = 60_000, kafka = testKafka('reader') } = {},
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
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

/**
 * Publishes `record` (as read from `topic`) once more, as an at-least-once
 * producer does after a crash between send and checkpoint, and waits until the
 * consumer group `groupId` has committed past the copy. Returns the copy's offset.
 */
export async function redeliver(
  topic: string,
  record: Pick<KafkaMessage, 'key' | 'value' | 'headers'>,
  groupId: string,
  kafka = testKafka('redeliver'),
): Promise<string> {
  const producer = kafka.producer();
  await producer.connect();
  const [sent] = await producer
    .send({ topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] })
    .finally(() => producer.disconnect());
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const committed = offsets.partitions.find((p) => p.partition === sent.partition)?.offset ?? '-1';
        return BigInt(committed) > BigInt(sent.baseOffset ?? '0');
      },
      { what: `${groupId} consuming the redelivered record`, timeoutMs: 60_000, pollMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
  return sent.baseOffset ?? '';
}

/**
 * Waits until the consumer group `groupId` has committed every record `topic` holds now:
 * what a test needs before it reads a read model fed by several streams whose records sit
 * on different partitions (a later stream's effect can otherwise show before an earlier one's).
 */
export async function caughtUp(groupId: string, topic: string, kafka = testKafka('caught-up')): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return ends.every(({ partition, high }) => {
          const committed = offsets.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return BigInt(high) === 0n || BigInt(committed) >= BigInt(high);
        });
      },
      { what: `${groupId} consuming all of ${topic}`, timeoutMs: 60_000, pollMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}
