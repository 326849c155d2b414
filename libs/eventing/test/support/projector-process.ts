// A projector as its own OS process, so a test can kill -9 it mid-batch.
// Env: DATABASE_URL, KAFKA_BROKERS, SCHEMA_REGISTRY_URL, TOPIC; and for a kill at a set point,
// FAULT_POINT (`after-apply`: the read model changed, its transaction not committed; or
// `after-commit`: committed, Kafka's offset not) with FAULT_AT_CHUNK (which chunk, from 1).
// The process says where it stands on stdout, then kills itself with SIGKILL.
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
  const fault = process.env.FAULT_POINT;
  const faultAt = Number(process.env.FAULT_AT_CHUNK ?? 0);
  let chunks = 0;
  let committed = 0;
  const die = (where: string, more: string) => {
    process.stdout.write(`KILLED ${where} chunk=${chunks} committed=${committed} ${more}\n`); // sync on a pipe
    process.kill(process.pid, 'SIGKILL');
  };
  // A little work per event, so batches are in flight when the kill comes.
  const slowed = {
    ...projection,
    apply: async (...args: Parameters<typeof projection.apply>) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await projection.apply(...args);
      // Inside the chunk's transaction: the rows are written, the versions and offset not yet, nothing committed.
      if (fault === 'after-apply' && ++chunks === faultAt) die(fault, `inChunk=${args[0].length}`);
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
    // Called once a chunk's transaction has committed, before Kafka's offset is.
    onApplied: (count) => {
      committed += count;
      if (fault === 'after-commit' && ++chunks === faultAt) die(fault, `lastChunk=${count}`);
    },
  });
  await runner.start();
  process.stdout.write('STARTED\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
