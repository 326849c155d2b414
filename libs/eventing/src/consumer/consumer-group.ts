import type { Consumer, Kafka, Producer } from 'kafkajs';
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
}

/** What both runners need: the group's DLQ topic, an idempotent producer for it, and a subscribed consumer. */
export async function joinConsumerGroup(
  options: ConsumerGroupOptions,
): Promise<{ consumer: Consumer; producer: Producer }> {
  const { kafka, group } = options;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      [{ name: dlqTopic(group), partitions: 1, owner: options.owner, eventTypes: [] }],
      options.cluster ?? LOCAL_CLUSTER,
    );
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: group, sessionTimeout: options.sessionTimeoutMs ?? 30_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
  return { consumer, producer };
}
