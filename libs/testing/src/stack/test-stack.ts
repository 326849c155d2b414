import type { StackEnv } from '@hexfleet/devstack';
import { BackendChoice, chooseBackend, dockerEngineAnswers } from './backend';
import { startContainerStack } from './container-stack';
import { startLocalStack } from './local-stack';

export interface TestStack {
  env: StackEnv;
  choice: BackendChoice;
  stop(): Promise<void>;
}

/**
 * Starts (or finds) the infrastructure for one test run: real Kafka, Postgres and
 * a schema registry. Prints which backend it used, so a run's log says what it tested against.
 */
export async function startTestStack(env: NodeJS.ProcessEnv = process.env): Promise<TestStack> {
  const choice = await chooseBackend(env, dockerEngineAnswers);
  const started = Date.now();
  let stack: { env: StackEnv; stop(): Promise<void> };
  if (choice.backend === 'external') {
    const { KAFKA_BROKERS = '', DATABASE_URL = '', SCHEMA_REGISTRY_URL = '' } = env; // chooseBackend checked all three
    stack = { env: { KAFKA_BROKERS, DATABASE_URL, SCHEMA_REGISTRY_URL }, stop: async () => undefined };
  } else if (choice.backend === 'testcontainers') {
    stack = await startContainerStack();
  } else {
    stack = await startLocalStack();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\n[hexfleet] test stack: ${choice.backend} (${choice.reason}), ready in ${seconds}s\n` +
      `[hexfleet]   KAFKA_BROKERS=${stack.env.KAFKA_BROKERS} SCHEMA_REGISTRY_URL=${stack.env.SCHEMA_REGISTRY_URL}\n`,
  );
  return { ...stack, choice };
}
