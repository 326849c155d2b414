import { ConfigResourceTypes, Kafka } from 'kafkajs';
import type { RegistryLogger } from './logger';

/**
 * Creates the schemas topic if it is missing, the way Confluent does: one
 * partition (the log must be totally ordered) and compaction (the latest record
 * per key is the state, so the topic never needs deleting). Refuses a topic
 * with more partitions; only warns about a wrong cleanup policy, as Confluent does.
 */
export async function ensureSchemasTopic(
  kafka: Kafka,
  brokers: readonly string[],
  topic: string,
  replicationFactor: number,
  logger: RegistryLogger,
): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot reach Kafka at ${brokers.join(',')} (KAFKA_BROKERS): ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    // Asking first keeps the log quiet: kafkajs reports "already exists" as an error.
    const exists = (await admin.listTopics()).includes(topic);
    const created =
      !exists &&
      (await admin.createTopics({
        waitForLeaders: true,
        topics: [
          { topic, numPartitions: 1, replicationFactor, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
        ],
      }));
    if (created) {
      logger.info('created the schemas topic', { topic, replicationFactor });
      return;
    }
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = metadata.topics[0]?.partitions.length ?? 0;
    if (partitions !== 1) {
      throw new Error(`the schemas topic ${topic} has ${partitions} partitions; the registry needs exactly 1`);
    }
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
    });
    const policy = described.resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue;
    if (policy !== 'compact') {
      logger.warn('the schemas topic is not compacted; deleted records will expire with retention', { topic, policy });
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('the schemas topic')) throw error;
    throw new Error(`could not prepare the schemas topic ${topic}: ${(error as Error).message}`, { cause: error });
  } finally {
    await admin.disconnect();
  }
}
