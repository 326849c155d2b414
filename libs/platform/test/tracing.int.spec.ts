import { spans, tracing } from './support/in-memory-tracing';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { eventually } from '@hexfleet/testing';
import { ExampleHarness, startExample } from './support/example-harness';

describe('one trace follows a command from HTTP through the relay and Kafka to the projection', () => {
  let service: ExampleHarness;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    service = await startExample({ LOG_LEVEL: 'info' }, { logDestination: destination });
  });
  afterAll(async () => {
    await service?.close();
    await tracing.shutdown();
  });

  it('links the HTTP command span, the relay produce span and the projection apply span', async () => {
    const account = randomUUID();
    const correlationId = randomUUID();
    const reply = await service.call('POST', `/accounts/${account}/deposits`, {
      token: await service.token('traceco'),
      body: { amountMinor: 700 },
      headers: { 'x-correlation-id': correlationId },
    });
    expect(reply.status).toBe(201);

    const named = (suffix: string) => (span: ReadableSpan) => span.name.endsWith(suffix);
    let finished: { http: ReadableSpan; produce: ReadableSpan; apply: ReadableSpan; all: ReadableSpan[] } | undefined;
    await eventually(
      async () => {
        const all = spans.getFinishedSpans();
        const http = all.find(
          (s) => s.kind === SpanKind.SERVER && JSON.stringify(s.attributes).includes(`/accounts/${account}/deposits`),
        );
        const produce = all.find((s) => named(`${service.topic} publish`)(s) && s.kind === SpanKind.PRODUCER);
        const apply = all.find((s) => named(`${service.projection} apply`)(s) && s.kind === SpanKind.CONSUMER);
        finished = http && produce && apply ? { http, produce, apply, all } : undefined;
        return finished !== undefined;
      },
      { what: 'the HTTP, produce and apply spans' },
    ).catch((error: Error) => {
      const seen = spans.getFinishedSpans().map((s) => `${s.name}/${SpanKind[s.kind]}`);
      throw new Error(`${error.message}; spans seen: ${[...new Set(seen)].join(', ')}`);
    });
    if (!finished) throw new Error('unreachable');

    const traceId = finished.http.spanContext().traceId;
    console.log(
      `trace ${traceId}: ${finished.http.name} (server) -> ${finished.produce.name} (producer) -> ${finished.apply.name} (consumer)`,
    );
    expect(finished.produce.spanContext().traceId).toBe(traceId);
    expect(finished.apply.spanContext().traceId).toBe(traceId);
    // The apply span is the producer span's child: the context came through Kafka's traceparent header.
    expect(finished.apply.parentSpanContext?.spanId).toBe(finished.produce.spanContext().spanId);
    // The relay's span descends from the HTTP span through the traceparent stored with the event.
    expect(finished.produce.parentSpanContext?.spanId).toBe(finished.http.spanContext().spanId);

    // The request's log line carries the same trace and the caller's correlation id.
    const line = logLines.find((l) => l.msg === 'request' && l.correlation_id === correlationId);
    expect(line).toMatchObject({ trace_id: traceId, tenant: 'traceco', service: service.runtime.definition.name });
  });
});
