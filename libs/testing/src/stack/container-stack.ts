import type { StackEnv } from '@hexfleet/devstack';

// Pinned images: Confluent Platform 8.1 ships Apache Kafka 4.1 (KRaft only).
const KAFKA_IMAGE = 'confluentinc/cp-kafka:8.1.0';
const REGISTRY_IMAGE = 'confluentinc/cp-schema-registry:8.1.0';
const POSTGRES_IMAGE = 'postgres:17.6';

/**
 * The same stack from Testcontainers, for machines with Docker. It runs
 * Confluent's own Schema Registry, so the suite also proves our code against it.
 */
export async function startContainerStack(): Promise<{ env: StackEnv; stop(): Promise<void> }> {
  const { GenericContainer, Network, Wait } = await import('testcontainers');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');

  const network = await new Network().start();
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer(KAFKA_IMAGE).withKraft().withNetwork(network).withNetworkAliases('kafka').start(),
    new PostgreSqlContainer(POSTGRES_IMAGE).withCommand(['postgres', '-c', 'max_connections=300']).start(),
  ]);
  const registry = await new GenericContainer(REGISTRY_IMAGE)
    .withNetwork(network)
    .withExposedPorts(8081)
    .withEnvironment({
      SCHEMA_REGISTRY_HOST_NAME: 'schema-registry',
      SCHEMA_REGISTRY_LISTENERS: 'http://0.0.0.0:8081',
      SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS: 'PLAINTEXT://kafka:9092',
      SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL: 'FULL_TRANSITIVE',
    })
    .withWaitStrategy(Wait.forHttp('/subjects', 8081))
    .start();

  return {
    env: {
      KAFKA_BROKERS: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      DATABASE_URL: postgres.getConnectionUri(),
      SCHEMA_REGISTRY_URL: `http://${registry.getHost()}:${registry.getMappedPort(8081)}`,
    },
    stop: async () => {
      await registry.stop();
      await Promise.all([kafka.stop(), postgres.stop()]);
      await network.stop();
    },
  };
}
