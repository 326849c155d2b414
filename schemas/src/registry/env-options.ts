import { parseCompatibilityLevel } from './compatibility';
import type { SchemaRegistryOptions } from './index';

/** Reads the registry's settings from the environment, failing loudly on a bad value. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): Omit<SchemaRegistryOptions, 'logger'> {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (comma-separated host:port list)');
  return {
    brokers,
    port: integer(env, 'REGISTRY_PORT', 0, 65535) ?? 8081,
    host: env.REGISTRY_HOST || '127.0.0.1',
    topic: env.REGISTRY_TOPIC || '_schemas',
    replicationFactor: integer(env, 'REGISTRY_REPLICATION_FACTOR', 1, 32767) ?? 1,
    defaultCompatibility: env.REGISTRY_DEFAULT_COMPATIBILITY
      ? parseCompatibilityLevel(env.REGISTRY_DEFAULT_COMPATIBILITY)
      : undefined,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}
