import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultPorts } from '../src/stack';

interface ComposeService {
  image: string;
  ports?: string[];
  environment?: Record<string, string | number>;
}

const composePath = path.join(__dirname, '..', '..', '..', 'docker-compose.kafka.yml');
const compose = parse(fs.readFileSync(composePath, 'utf8')) as { services: Record<string, ComposeService> };
const hostPort = (service: ComposeService) => Number(service.ports?.[0]?.split(':')[0]);
const image = (name: string) => compose.services[name].image;

describe('docker-compose.kafka.yml, the devstack for machines with Docker', () => {
  const ports = defaultPorts({});

  it('names Kafka (Apache image, KRaft), Confluent Schema Registry, Postgres, Kafka UI and Mailpit', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'kafka',
      'kafka-ui',
      'mailpit',
      'postgres',
      'schema-registry',
    ]);
    expect(image('kafka')).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(compose.services.kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(image('schema-registry')).toMatch(/^confluentinc\/cp-schema-registry:\d+\.\d+\.\d+$/);
    expect(image('postgres')).toMatch(/^postgres:\d+\.\d+$/);
    expect(image('kafka-ui')).toMatch(/kafbat\/kafka-ui:v\d+\.\d+\.\d+$/);
  });

  it('publishes the same ports as the devstack, so the same URLs work', () => {
    expect(hostPort(compose.services.kafka)).toBe(ports.kafka);
    expect(hostPort(compose.services['schema-registry'])).toBe(ports.registry);
    expect(hostPort(compose.services.postgres)).toBe(ports.postgres);
    expect(compose.services.mailpit.ports?.map((p) => Number(p.split(':')[0]))).toEqual([ports.smtp, ports.mailpit]);
  });

  it('runs the Mailpit version the devstack builds from its Go module', () => {
    const script = fs.readFileSync(path.join(__dirname, '..', '..', 'scripts', 'build-mailpit.sh'), 'utf8');
    const built = /MAILPIT_VERSION:-(v[\d.]+)/.exec(script)?.[1];
    expect(image('mailpit')).toBe(`axllent/mailpit:${built}`);
  });

  it('runs the Kafka version the devstack resolves from Maven Central', () => {
    const pom = fs.readFileSync(path.join(__dirname, '..', 'kafka', 'pom.xml'), 'utf8');
    const devstackKafka = /<kafka.version>([^<]+)</.exec(pom)?.[1];
    expect(image('kafka')).toBe(`apache/kafka:${devstackKafka}`);
  });

  it('never relies on topic auto-creation', () =>
    expect(compose.services.kafka.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false'));
});
