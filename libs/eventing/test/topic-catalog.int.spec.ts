import { uniqueName } from '@hexfleet/testing';
import { Admin, ConfigResourceTypes } from 'kafkajs';
import { ensureTopics, LOCAL_CLUSTER, TopicSpec } from '../src';
import { testKafka } from './support/kafka';

describe('topics come from the catalog, never from auto-creation', () => {
  let admin: Admin;
  const spec: TopicSpec = {
    name: uniqueName('example.account.v1'),
    partitions: 4,
    owner: 'example',
    visibility: 'public',
    eventTypes: [],
  };

  beforeAll(async () => {
    admin = testKafka().admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [spec.name] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a missing topic with its partitions, infinite retention and no compaction; again is a no-op', async () => {
    await ensureTopics(admin, [spec], LOCAL_CLUSTER);
    await ensureTopics(admin, [spec], LOCAL_CLUSTER);
    const [topic] = (await admin.fetchTopicMetadata({ topics: [spec.name] })).topics;
    expect(topic.partitions).toHaveLength(4);
    const { resources } = await admin.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: spec.name, configNames: ['retention.ms', 'cleanup.policy'] },
      ],
      includeSynonyms: false,
    });
    const config = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    expect(config).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
  });

  it('refuses to go on when an existing topic has another partition count', async () => {
    await expect(ensureTopics(admin, [{ ...spec, partitions: 8 }], LOCAL_CLUSTER)).rejects.toThrow(
      /has 4 partitions but the catalog says 8/,
    );
  });
});
