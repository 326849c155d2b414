import crypto from 'node:crypto';

/** A name no other test (or earlier run on the same stack) uses: topics, groups, subjects, databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Reads a variable the test stack sets, with a clear failure when a test runs without it. */
export function stackEnv(name: 'KAFKA_BROKERS' | 'DATABASE_URL' | 'SCHEMA_REGISTRY_URL'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through jest, whose global setup starts the stack.`);
  return value;
}

/**
 * This test file's fleet (docs/adr/0073): every service and stand-in a test file starts carries
 * it (`FLEET_ID`), so they act on one another's records and never on those of the tests running
 * beside them on the shared stack. Jest loads this module once per test file.
 */
export const TEST_FLEET = uniqueName('fleet');
