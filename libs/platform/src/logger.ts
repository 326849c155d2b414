import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import { requestContext } from './context';

/**
 * JSON logs, one line per entry, each carrying the ids that tie it to a
 * request and a trace: `trace_id`/`span_id` from the active span,
 * `correlation_id` and `tenant` from the request being served.
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const fields: Record<string, string> = {};
        const span = trace.getActiveSpan()?.spanContext();
        if (span) {
          fields.trace_id = span.traceId;
          fields.span_id = span.spanId;
        }
        const context = requestContext();
        if (context) {
          fields.correlation_id = context.correlationId;
          if (context.principal) fields.tenant = context.principal.tenant;
        }
        return fields;
      },
      // Tokens and passwords never reach a log line.
      redact: ['req.headers.authorization', '*.password', '*.token'],
    },
    destination,
  );
}

/** Nest's own messages (startup, routes, errors) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, stack: trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
