import type { EachBatchPayload, Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

export interface ReplayRange {
  topic: string;
  partition: number;
  /** Exclusive end. */
  end: bigint;
}

/**
 * Reads topics from their first offset up to fixed ends with a throw-away
 * consumer group, then stops: the engine behind rebuild and redrive. When
 * `handle` throws, the replay stops and rejects with that error (kafkajs alone
 * would retry the batch and restart the consumer for ever).
 */
export async function replay(
  kafka: Kafka,
  purpose: string,
  ranges: readonly ReplayRange[],
  handle: (batch: EachBatchPayload['batch'], messages: EachBatchPayload['batch']['messages']) => Promise<void>,
): Promise<void> {
  const pending = new Map(ranges.filter((r) => r.end > 0n).map((r) => [`${r.topic}/${r.partition}`, r]));
  if (pending.size === 0) return;
  const groupId = `${purpose}.${uuidv7()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set(ranges.map((r) => r.topic))], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      consumer
        .run({
          eachBatch: async ({ batch, heartbeat }) => {
            const range = pending.get(`${batch.topic}/${batch.partition}`);
            if (failed || !range) return;
            const messages = batch.messages.filter((m) => BigInt(m.offset) < range.end);
            try {
              if (messages.length) await handle(batch, messages);
            } catch (error) {
              failed = true;
              reject(error as Error);
              return;
            }
            await heartbeat();
            if (BigInt(batch.lastOffset()) + 1n >= range.end) pending.delete(`${batch.topic}/${batch.partition}`);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** The end (high watermark) of every partition of `topics`, now. */
export async function endOffsets(kafka: Kafka, topics: readonly string[]): Promise<ReplayRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ranges: ReplayRange[] = [];
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ranges.push({ topic, partition: p.partition, end: BigInt(p.high) });
    }
    return ranges;
  } finally {
    await admin.disconnect();
  }
}
