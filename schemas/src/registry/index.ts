import type { AddressInfo } from 'node:net';
import { CompatibilityLevel, parseCompatibilityLevel } from './compatibility';
import { buildHttpServer } from './http-server';
import { RegistryLogger, silentLogger } from './logger';
import { serialWriter } from './registry-context';
import { SchemasLog } from './schemas-log';
import { RegistryState } from './state';

export { COMPATIBILITY_LEVELS, type CompatibilityLevel } from './compatibility';
export { jsonLinesLogger, silentLogger, type RegistryLogger, type LogFields } from './logger';

export interface SchemaRegistryOptions {
  /** Kafka bootstrap servers, `host:port`. */
  brokers: string[];
  /** 0 picks a free port. Default 8081, Confluent's. */
  port?: number;
  /** Default 127.0.0.1: a dev registry is not for the network unless asked. */
  host?: string;
  /** The compacted topic holding all state. Default `_schemas`, Confluent's. */
  topic?: string;
  /** Used only when the registry creates the topic. Default 1. */
  replicationFactor?: number;
  /** Used while no global level was set through PUT /config. Default BACKWARD, Confluent's. */
  defaultCompatibility?: CompatibilityLevel;
  /** Default: silent. */
  logger?: RegistryLogger;
}

export interface RunningSchemaRegistry {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a Confluent-compatible (AVRO only) schema registry whose state lives in
 * a compacted Kafka topic. Resolves once it has read that topic to its end and
 * is listening. Any number of instances may serve reads from one topic; only one
 * should take writes, because there is no leader election (Confluent elects one).
 */
export async function startSchemaRegistry(options: SchemaRegistryOptions): Promise<RunningSchemaRegistry> {
  const logger = options.logger ?? silentLogger;
  const defaultLevel = parseCompatibilityLevel(options.defaultCompatibility ?? 'BACKWARD');
  const topic = options.topic ?? '_schemas';
  if (options.brokers.length === 0) throw new Error('no Kafka brokers given (KAFKA_BROKERS)');

  const state = new RegistryState();
  const log = await SchemasLog.open({
    brokers: options.brokers,
    topic,
    replicationFactor: options.replicationFactor ?? 1,
    logger,
    onRecord: (record) => state.apply(record),
  });
  const app = buildHttpServer(
    { state, defaultLevel, write: serialWriter(state, (records) => log.append(records)), ready: () => log.healthy },
    logger,
  );
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 8081, host });
  } catch (error) {
    await log.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  logger.info('schema registry started', { url, topic, defaultCompatibility: defaultLevel });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => (closing ??= app.close().then(() => log.close())),
  };
}
