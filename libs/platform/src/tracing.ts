import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); no export when unset. */
  otlpEndpoint?: string;
  /** An exporter of your own, e.g. an InMemorySpanExporter in tests; spans go to it synchronously. */
  exporter?: SpanExporter;
}

export interface Tracing {
  provider: NodeTracerProvider;
  shutdown(): Promise<void>;
}

/**
 * Registers OpenTelemetry for this process: W3C trace context, HTTP server
 * spans (from the platform), outgoing HTTP and pg spans (instrumentation), and the eventing library's spans (relay produce, projection apply,
 * policy react), whose context travels in Kafka's `traceparent` header.
 * Call it first in `main.ts`, before the HTTP server and pg are loaded, so
 * their instrumentation takes hold.
 */
export function startTracing(options: TracingOptions): Tracing {
  const spanProcessors: SpanProcessor[] = [];
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors,
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Incoming requests get their server span from the platform's own hook (bootstrap.ts),
      // which works however modules were loaded; this one traces outgoing calls.
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    provider,
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
