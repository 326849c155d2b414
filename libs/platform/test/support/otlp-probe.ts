// Run as its own `node` process by otlp-export.int.spec.ts: the OTLP exporter loads its
// HTTP client with a dynamic import(), which Jest's CommonJS runtime cannot run.
import { trace } from '@opentelemetry/api';
import { startTracing } from '../../src/tracing';

const tracing = startTracing({ serviceName: 'otlp-probe', otlpEndpoint: process.argv[2] });
trace.getTracer('probe').startSpan('checkout lent a copy').end();
void tracing.shutdown(); // flushes the batch before the process ends
