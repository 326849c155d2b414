// A projector as its own OS process, so a test can kill -9 it mid-batch.
// Env: DATABASE_URL, KAFKA_BROKERS, SCHEMA_REGISTRY_URL, TOPIC.
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { AvroSerde, ProjectionRunner } from '../../src';
import { accountBalances } from '../example/account-balances.projection';
import { accountContracts } from '../example/account.contracts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main() {
  const topic = env('TOPIC');
  const projection = accountBalances(topic);
  // A little work per event, so batches are in flight when the kill comes.
  const slowed = {
    ...projection,
    apply: async (...args: Parameters<typeof projection.apply>) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await projection.apply(...args);
    },
  };
  const runner = new ProjectionRunner({
    projection: slowed,
    kafka: new Kafka({
      clientId: 'projector-process',
      brokers: env('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    }),
    pool: new Pool({ connectionString: env('DATABASE_URL') }).on('error', () => undefined),
    serde: AvroSerde.forUrl(env('SCHEMA_REGISTRY_URL'), accountContracts(topic)),
    chunkSize: 50,
    sessionTimeoutMs: 6000, // it will be killed: let the group notice fast
  });
  await runner.start();
  process.stdout.write('STARTED\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
