/**
 * Which infrastructure a test run uses:
 * - `external`: every URL (KAFKA_BROKERS, DATABASE_URL, SCHEMA_REGISTRY_URL) is already set, e.g. a running devstack;
 * - `testcontainers`: a Docker engine answers, so Kafka, Postgres and Confluent's own Schema Registry run in containers;
 * - `local`: no Docker, so the devstack starts real Kafka, Postgres and our registry as local processes.
 * HEXFLEET_TEST_STACK=local|testcontainers|external forces one; `auto` (the default) picks in that order.
 */
export type StackBackend = 'external' | 'testcontainers' | 'local';

export interface BackendChoice {
  backend: StackBackend;
  reason: string;
}

const URL_VARIABLES = ['KAFKA_BROKERS', 'DATABASE_URL', 'SCHEMA_REGISTRY_URL'] as const;

export async function chooseBackend(
  env: NodeJS.ProcessEnv,
  dockerAnswers: () => Promise<boolean>,
): Promise<BackendChoice> {
  const requested = (env.HEXFLEET_TEST_STACK ?? 'auto').toLowerCase();
  const missing = URL_VARIABLES.filter((name) => !env[name]);
  switch (requested) {
    case 'external':
      if (missing.length) throw new Error(`HEXFLEET_TEST_STACK=external needs ${missing.join(', ')} to be set.`);
      return { backend: 'external', reason: 'HEXFLEET_TEST_STACK=external' };
    case 'testcontainers':
      if (!(await dockerAnswers()))
        throw new Error('HEXFLEET_TEST_STACK=testcontainers, but no Docker engine answers.');
      return { backend: 'testcontainers', reason: 'HEXFLEET_TEST_STACK=testcontainers' };
    case 'local':
      return { backend: 'local', reason: 'HEXFLEET_TEST_STACK=local' };
    case 'auto':
      if (!missing.length) return { backend: 'external', reason: `${URL_VARIABLES.join(', ')} are set` };
      if (await dockerAnswers()) return { backend: 'testcontainers', reason: 'a Docker engine answers' };
      return { backend: 'local', reason: 'no Docker engine answers' };
    default:
      throw new Error(`HEXFLEET_TEST_STACK must be auto, local, testcontainers or external, not "${requested}".`);
  }
}

/** Asks Testcontainers, which knows every way a Docker-compatible engine can be reached. */
export async function dockerEngineAnswers(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  return getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
}
