import { startGroupsAtTopicEnds, testKafka, uniqueName } from '../src';

describe('startGroupsAtTopicEnds', () => {
  it('commits every partition of every topic of each group at the topic end, and skips missing topics', async () => {
    const kafka = testKafka('harness-test');
    const admin = kafka.admin();
    await admin.connect();
    const topics = [uniqueName('harness.a.v1'), uniqueName('harness.b.v1')];
    try {
      await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: topics[0], messages: [1, 2, 3, 4, 5].map((n) => ({ key: `k${n}`, value: 'x' })) });
      await producer.send({ topic: topics[1], messages: [{ key: 'k', value: 'y' }] });
      await producer.disconnect();
      const groups = [
        { groupId: uniqueName('harness-g'), topics: [...topics, uniqueName('harness.missing.v1')] },
        { groupId: uniqueName('harness-g'), topics: [topics[1]] },
      ];

      await startGroupsAtTopicEnds(groups);

      for (const { groupId, topics: subscribed } of groups) {
        for (const topic of subscribed.filter((t) => topics.includes(t))) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          const offsets = Object.fromEntries(committed.partitions.map((p) => [p.partition, p.offset]));
          expect(offsets).toEqual(Object.fromEntries(ends.map((p) => [p.partition, p.high])));
        }
      }
    } finally {
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
