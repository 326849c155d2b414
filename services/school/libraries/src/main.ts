import { runService, startTracing } from '@hexfleet/platform';
// First, so the HTTP and pg instrumentation sees every module loaded after it.
startTracing({ serviceName: 'libraries', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { createLibraries } from './libraries.module';

const { definition, module } = createLibraries();
void runService(definition, module);
