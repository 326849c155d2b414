import { runService, startTracing } from '@hexfleet/platform';
// First, so the HTTP and pg instrumentation sees every module loaded after it.
startTracing({ serviceName: 'events', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { createEvents } from './events.module';

// Not `module`: in CommonJS that name is taken, and Node then reads the file as ESM.
const { definition, module: feature } = createEvents();
void runService(definition, feature);
