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
 * Waits until the consumer group `groupId` has committed past every record `topics` hold now,
 * or, with `tenant`, past every record of that tenant they hold now: what a test needs before
 * it counts what a policy or read model did, when several streams' records sit on different
 * partitions. Other tests publish to the same topics meanwhile; the tenant form waits only
 * for the records that are this test's (on each partition, up to its tenant's last one).
 */
export async function caughtUp(
  groupId: string,
  topics: readonly string[],
  { tenant, kafka = testKafka('caught-up') }: { tenant?: string; kafka?: Kafka } = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const targets = new Map<string, bigint>(); // `${topic}/${partition}` -> the offset to commit past
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      if (!tenant) {
        for (const p of offsets) targets.set(`${topic}/${p.partition}`, BigInt(p.high));
        continue;
      }
      for (const [partition, last] of await lastOffsetsOf(kafka, topic, offsets, tenant))
        targets.set(`${topic}/${partition}`, last + 1n);
    }
    await eventually(
      async () => {
        const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
        return [...targets].every(([key, needed]) => {
          const [topic, partition] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
          const offset = committed.find((t) => t.topic === topic)?.partitions.find((p) => p.partition === partition);
          return BigInt(offset?.offset ?? '-1') >= needed;
        });
      },
      {
        what: `${groupId} caught up on ${topics.join(', ')}${tenant ? ` for ${tenant}` : ''}`,
        timeoutMs: 90_000,
        pollMs: 200,
      },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Per partition, the offset of the last record of `tenant` among those `topic` holds now (read from the start). */
async function lastOffsetsOf(
  kafka: Kafka,
  topic: string,
  offsets: Array<{ partition: number; high: string; low: string }>,
  tenant: string,
): Promise<Map<number, bigint>> {
  const last = new Map<number, bigint>();
  const pending = new Set(offsets.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => p.partition));
  if (pending.size === 0) return last;
  const highs = new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
  const consumer = kafka.consumer({ groupId: uniqueName('caught-up') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              if (BigInt(message.offset) >= (highs.get(batch.partition) ?? 0n)) break;
              if (message.headers?.tenant?.toString() === tenant) last.set(batch.partition, BigInt(message.offset));
            }
            if (BigInt(batch.lastOffset()) + 1n >= (highs.get(batch.partition) ?? 0n)) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return last;
}
