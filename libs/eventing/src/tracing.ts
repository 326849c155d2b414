import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';

// The OpenTelemetry API only: without an SDK registered (tests, tools) every
// call here is a no-op. A service's platform registers the SDK at start.
const tracer = () => trace.getTracer('@hexfleet/eventing');

/** The W3C `traceparent` of the active span, to store with an event so its trace follows it through Kafka. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context an event's stored or received `traceparent` names (the root context when it has none). */
export function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier.traceparent;
}

export function startSpan(
  name: string,
  kind: SpanKind,
  parent: Context,
  attributes: Record<string, string> = {},
): Span {
  return tracer().startSpan(name, { kind, attributes }, parent);
}

/** Runs `work` inside a span (child of `parent`), recording a failure on it. */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  parent: Context,
  attributes: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const span = startSpan(name, kind, parent, attributes);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
}

export { SpanKind };
