import type { Admin } from 'kafkajs';

/**
 * Records on `topics` that consumer group `groupId` has not yet committed:
 * per partition, the high watermark minus the committed offset (or minus the
 * low watermark when the group has committed nothing there yet).
 */
export async function consumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  let lag = 0;
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const mine = partitions.find((p) => p.partition === end.partition);
      const from = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
      lag += Math.max(0, Number(end.high) - from);
    }
  }
  return lag;
}

/** Records waiting in a dead-letter topic (every record ever sent there: DLQ topics are never compacted). */
export async function topicRecordCount(admin: Admin, topic: string): Promise<number> {
  const ends = await admin.fetchTopicOffsets(topic).catch(() => []);
  return ends.reduce((sum, end) => sum + Number(end.high) - Number(end.low), 0);
}
