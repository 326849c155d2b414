import { consumerGroups, runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'hrms', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { hrmsService, HrmsModule } from './hrms.module';

const definition = hrmsService({ suffix: process.env.PROJECTION_SUFFIX });
// `main.js --consumer-groups` prints the Kafka groups this instance joins (offset resets, DLQ redrives, tests).
if (process.argv.includes('--consumer-groups')) console.log(JSON.stringify(consumerGroups(definition)));
else void runService(definition, HrmsModule);
