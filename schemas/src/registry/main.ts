// Runs the dev schema registry from the environment:
//   KAFKA_BROKERS=127.0.0.1:9092 npx tsx schemas/src/registry/main.ts
// Also REGISTRY_PORT (8081), REGISTRY_HOST (127.0.0.1), REGISTRY_TOPIC (_schemas),
// REGISTRY_DEFAULT_COMPATIBILITY (BACKWARD), REGISTRY_REPLICATION_FACTOR (1).
// Logs JSON lines to stdout; once ready it prints one plain line that scripts wait for:
//   schema registry listening on http://host:port
import { optionsFromEnv } from './env-options';
import { jsonLinesLogger, startSchemaRegistry } from './index';

const logger = jsonLinesLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info');

async function main(): Promise<void> {
  const registry = await startSchemaRegistry({ ...optionsFromEnv(process.env), logger });
  process.stdout.write(`schema registry listening on ${registry.url}\n`);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('shutting down', { signal });
    registry.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('unclean shutdown', { error: String(error) });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, shutdown);
}

main().catch((error: unknown) => {
  logger.error('schema registry failed to start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
