import { startTracing } from '@hexfleet/platform';
// First, so the HTTP instrumentation sees every module loaded after it.
startTracing({ serviceName: 'gateway', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

async function main() {
  const env = loadGatewayConfig();
  const gateway = await createGateway(env);
  await gateway.app.listen({ port: env.PORT, host: env.HOST });
  gateway.logger.info({ url: await gateway.app.getUrl() }, 'gateway is listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.logger.info(`${signal}: shutting down`);
    const timer = setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS);
    void gateway.close().then(() => {
      clearTimeout(timer);
      process.exit(0);
    });
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
