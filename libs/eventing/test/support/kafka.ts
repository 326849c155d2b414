import { testKafka } from '@hexfleet/testing';

export { readTopicUntil as consumeUntil, testKafka } from '@hexfleet/testing';

export async function createTopic(name: string, partitions = 6): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: partitions }] });
  await admin.disconnect();
}
