import fs from 'node:fs';
import path from 'node:path';
import { isPublicTopic, TOPIC_CATALOG } from '@hexfleet/schemas';
import { deployedAsyncApi } from '../src/asyncapi';
import { MODULES } from '../src/config';
import { liveTopics } from '../src/live-feed';

const INTERNAL = TOPIC_CATALOG.filter((t) => !isPublicTopic(t)).map((t) => t.name);
const ROOT = path.resolve(__dirname, '../..');
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => !['target', '.venv', '__pycache__'].includes(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`]));
const env = {
  KAFKA_BROKERS: ['kafka-0.internal:9092', 'kafka-1.internal:9092'],
  SCHEMA_REGISTRY_URL: 'http://registry.internal:8081',
  ASYNCAPI_KAFKA_PROTOCOL: 'kafka' as const,
};

describe('what integrators see of the topic catalog', () => {
  it('streams only public topics to domainEvents, from the catalog’s visibility', () => {
    const live = liveTopics(MODULES);
    expect(INTERNAL).toEqual(
      expect.arrayContaining(['identity.credential.v1', 'identity.login-id.v1', 'profile.employee-link.v1']),
    );
    expect(live).toEqual(expect.arrayContaining(['hrms.employee.v1', 'identity.user.v1', 'profile.profile.v1']));
    expect(live.filter((topic) => INTERNAL.includes(topic))).toEqual([]);
    expect(liveTopics(['hrms'])).toEqual(TOPIC_CATALOG.filter((t) => t.owner === 'hrms').map((t) => t.name));
  });

  it('serves the published document with this deployment’s Kafka and registry as its one server', () => {
    const configured = deployedAsyncApi({
      ...env,
      ASYNCAPI_KAFKA_BOOTSTRAP: 'kafka.hexfleet.example:9093',
      ASYNCAPI_KAFKA_PROTOCOL: 'kafka-secure',
      ASYNCAPI_SCHEMA_REGISTRY_URL: 'https://registry.hexfleet.example',
    });
    expect(configured.servers).toEqual({
      hexfleet: expect.objectContaining({
        host: 'kafka.hexfleet.example:9093',
        protocol: 'kafka-secure',
        bindings: {
          kafka: {
            schemaRegistryUrl: 'https://registry.hexfleet.example',
            schemaRegistryVendor: 'confluent',
            bindingVersion: '0.5.0',
          },
        },
      }),
    });
    expect(Object.keys(configured.channels)).toEqual(TOPIC_CATALOG.filter(isPublicTopic).map((t) => t.name));

    const byDefault = deployedAsyncApi(env).servers.hexfleet;
    expect([byDefault?.host, byDefault?.bindings.kafka.schemaRegistryUrl]).toEqual([
      'kafka-0.internal:9092,kafka-1.internal:9092',
      'http://registry.internal:8081',
    ]);
  });

  it('names no internal topic in the integrators’ guide and examples', () => {
    const files = ['docs/integrators.md', ...filesUnder('examples/integrators')];
    const named = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return INTERNAL.filter((topic) => text.includes(topic)).map((topic) => `${file}: ${topic}`);
    });
    expect(files.length).toBeGreaterThan(3);
    expect(named).toEqual([]);
  });
});
