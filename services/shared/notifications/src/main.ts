import { consumerGroups, runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'notifications', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { createNotifications } from './notifications.module';

// Not `module`: in CommonJS that name is taken, and Node then reads the file as ESM.
const { definition, module: feature } = createNotifications();
// `main.js --consumer-groups` prints the Kafka groups this instance joins (offset resets, DLQ redrives, tests).
if (process.argv.includes('--consumer-groups')) console.log(JSON.stringify(consumerGroups(definition)));
else void runService(definition, feature);
