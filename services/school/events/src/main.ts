import { consumerGroups, runService, startTracing } from '@hexfleet/platform';
// First, so the HTTP and pg instrumentation sees every module loaded after it.
startTracing({ serviceName: 'events', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { createEvents } from './events.module';

// Not `module`: in CommonJS that name is taken, and Node then reads the file as ESM.
const { definition, module: feature } = createEvents();
// `main.js --consumer-groups` prints the Kafka groups this instance joins (offset resets, DLQ redrives, tests).
if (process.argv.includes('--consumer-groups')) console.log(JSON.stringify(consumerGroups(definition)));
else void runService(definition, feature);
