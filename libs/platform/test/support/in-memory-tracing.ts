// Imported first by a test that inspects spans: OpenTelemetry must be registered
// before the HTTP server and pg are loaded, exactly as a service's main.ts does.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../../src/tracing';

export const spans = new InMemorySpanExporter();
export const tracing = startTracing({ serviceName: 'platform-test', exporter: spans });
