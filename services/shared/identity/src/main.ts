import { consumerGroups, runService, startTracing } from '@hexfleet/platform';
// First, so the HTTP and pg instrumentation sees every module loaded after it.
startTracing({ serviceName: 'identity', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { withOwnJwks } from './identity.config';
import { createIdentity } from './identity.module';

async function main() {
  // The platform reads process.env: give it the JWKS of identity's own signing key.
  Object.assign(process.env, await withOwnJwks(process.env));
  // Not `module`: in CommonJS that name is taken, and Node then reads the file as ESM.
  const { definition, module: feature } = createIdentity();
  // `main.js --consumer-groups` prints the Kafka groups this instance joins (offset resets, DLQ redrives, tests).
  if (process.argv.includes('--consumer-groups')) console.log(JSON.stringify(consumerGroups(definition)));
  else await runService(definition, feature);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
