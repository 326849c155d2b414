import type { Admin, Consumer, Kafka } from 'kafkajs';
import { RenewingProducer } from '../producer/renewing-producer';
import { TOPIC_CATALOG } from '@hexfleet/schemas';
import { ClusterPolicy, ensureTopics, LOCAL_CLUSTER } from '../topics/topic-catalog';
import { dlqTopic } from './dead-letters';

export interface ConsumerGroupOptions {
  kafka: Kafka;
  group: string;
  topics: readonly string[];
  /** Who owns the dead-letter topic (a projection's or policy's name). */
  owner: string;
  cluster?: ClusterPolicy;
  /** How long the group waits for a silent (crashed) member before rebalancing; Kafka's floor is 6 s. */
  sessionTimeoutMs?: number;
  /** How long to wait for topics outside the catalog, which some other process creates. */
  topicWaitMs?: number;
  /**
   * Where a group with no offsets yet begins: its topics' beginning (the default: a new read
   * model catches up on all history), or their end (a throw-away instance on a shared
   * cluster, such as a test's, that must not replay everyone else's events).
   */
  startAt?: 'beginning' | 'end';
}

/** What both runners need: the group's DLQ topic, a producer for it (connected on first use), and a subscribed consumer. */
export async function joinConsumerGroup(
  options: ConsumerGroupOptions,
): Promise<{ consumer: Consumer; producer: RenewingProducer }> {
  const { kafka, group } = options;
  const admin = kafka.admin();
  await admin.connect();
  try {
    // A catalog topic is created from its catalog entry by whichever service starts first,
    // its owner or a consumer (the spec is the same), so services start in any order;
    // Kafka's auto-creation, which would ignore the spec, stays off.
    const catalogued = TOPIC_CATALOG.filter((spec) => options.topics.includes(spec.name));
    await ensureTopics(
      admin,
      [
        {
          name: dlqTopic(group),
          partitions: 1,
          owner: options.owner,
          visibility: 'internal',
          internalBecause: "dead letters of one consumer group, for the fleet's operators",
          eventTypes: [],
        },
        ...catalogued,
      ],
      options.cluster ?? LOCAL_CLUSTER,
    );
    const others = options.topics.filter((topic) => !catalogued.some((spec) => spec.name === topic));
    await waitForTopics(admin, others, options.topicWaitMs ?? 120_000);
  } finally {
    await admin.disconnect();
  }
  const producer = new RenewingProducer(kafka);
  const consumer = kafka.consumer({ groupId: group, sessionTimeout: options.sessionTimeoutMs ?? 30_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.startAt !== 'end' });
  return { consumer, producer };
}

async function waitForTopics(admin: Admin, topics: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `topics ${missing.join(', ')} do not exist after ${timeoutMs} ms: is the service that owns them running?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
