import type { TopicSpec } from '@hexfleet/schemas';
import type { Admin, ITopicConfig } from 'kafkajs';

export type { TopicSpec };

export interface ClusterPolicy {
  /** 3 in production, 1 locally. */
  replicationFactor: number;
  /** 2 in production, 1 locally. */
  minInSyncReplicas: number;
}

export const LOCAL_CLUSTER: ClusterPolicy = { replicationFactor: 1, minInSyncReplicas: 1 };

export function topicConfig(spec: TopicSpec, policy: ClusterPolicy): ITopicConfig {
  return {
    topic: spec.name,
    numPartitions: spec.partitions,
    replicationFactor: policy.replicationFactor,
    configEntries: [
      { name: 'retention.ms', value: String(spec.retentionMs ?? -1) },
      // Never compact an event topic: compaction keeps only the last event per key.
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'min.insync.replicas', value: String(policy.minInSyncReplicas) },
    ],
  };
}

/**
 * Creates the missing topics and checks the existing ones still have the
 * catalog's partition count; a mismatch is an error, not something to "fix".
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[], policy: ClusterPolicy): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.name));
  if (missing.length) {
    try {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((s) => topicConfig(s, policy)) });
    } catch (error) {
      // kafkajs retries "leader not available" while it waits, but not a broker that has yet to
      // learn of the new topic ("does not host this topic-partition"): wait for that ourselves.
      if (!isUnknownTopic(error)) throw error;
    }
    await waitForLeaders(
      admin,
      missing.map((s) => s.name),
    );
  }
  const present = specs.filter((s) => existing.has(s.name));
  if (present.length === 0) return;
  // A topic another process has just created may be listed before every broker hosts it.
  await waitForLeaders(
    admin,
    present.map((s) => s.name),
  );
  const metadata = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
  for (const topic of metadata.topics) {
    const spec = present.find((s) => s.name === topic.name);
    if (spec && topic.partitions.length !== spec.partitions) {
      throw new Error(
        `topic ${topic.name} has ${topic.partitions.length} partitions but the catalog says ${spec.partitions}; ` +
          'partition counts of keyed topics never change (it would remap keys): fix the catalog or migrate to a new topic version',
      );
    }
  }
}

const isUnknownTopic = (error: unknown) => (error as { type?: string })?.type === 'UNKNOWN_TOPIC_OR_PARTITION';

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (!isUnknownTopic(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
