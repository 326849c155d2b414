import { Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentProblems } from './openapi-problems';
import type { DestinationStream, Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { loadConfig, serviceEnv } from './config';
import { requestContext, runInRequestContext } from './context';
import pino from 'pino';
import { createLogger, PinoNestLogger } from './logger';
import { PlatformModule } from './platform.module';
import { ServiceDefinition, ServiceRuntime } from './runtime';

export interface ServiceOptions {
  /** Where configuration is read from; the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** Where log lines go; stdout by default. */
  logDestination?: DestinationStream;
}

export interface RunningService {
  app: NestFastifyApplication;
  runtime: ServiceRuntime;
  logger: Logger;
}

const tracer = trace.getTracer('@hexfleet/platform');

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Builds a service (not yet listening): validated config, pino logs, the
 * runtime started (migrations, schemas, topics, relay, runners), and the
 * HTTP surface: the service's controllers, /health, /metrics, /openapi.json.
 */
export async function createService(
  definition: ServiceDefinition,
  feature: Type<unknown>,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const env = loadConfig(serviceEnv(), options.env ?? process.env);
  const destination =
    options.logDestination ??
    (env.LOG_FILE ? pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true }) : undefined);
  const logger = createLogger(definition.name, env.LOG_LEVEL, destination);
  const runtime = new ServiceRuntime(definition, env);

  @Module({ imports: [PlatformModule.forRuntime(runtime), feature] })
  class ServiceModule {}

  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(ServiceModule, adapter, {
    logger: new PinoNestLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();

  // Every request runs in a context of its own: a server span (continuing the caller's
  // trace from `traceparent`), correlation id, caller, consistency headers.
  const spans = new WeakMap<object, Span>();
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = header(request.headers['x-correlation-id']) ?? randomUUID();
    void reply.header('x-correlation-id', correlationId);
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] },
      },
      parent,
    );
    spans.set(request, span);
    runInRequestContext(
      {
        correlationId,
        idempotencyKey: header(request.headers['idempotency-key']),
        readAfter: header(request.headers['x-consistency-token']),
      },
      () => context.with(trace.setSpan(parent, span), done),
    );
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const context = requestContext();
    if (context?.consistencyToken) void reply.header('x-consistency-token', context.consistencyToken);
    if (context?.freshness) void reply.header('x-consistency', context.freshness);
    // While draining, a kept-alive connection would hold the shutdown open until its idle timeout.
    if (runtime.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    runtime.metrics.httpDuration.observe({ method: request.method, route, status }, reply.elapsedTime / 1000);
    if (!route.startsWith('/health') && route !== '/metrics') {
      logger.info(
        { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
    done();
  });

  const document = documentProblems(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`Hexfleet ${definition.name}`)
        .setDescription(definition.description ?? '')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  fastify.get('/openapi.json', (_request, reply) => reply.send(document));

  await app.init();
  return { app, runtime, logger };
}

/**
 * `main.ts` of every service: create, listen on PORT, and shut down cleanly on
 * SIGTERM/SIGINT/SIGHUP (stop taking requests, let in-flight ones and batches finish
 * and commit, close connections), bounded by SHUTDOWN_TIMEOUT_MS.
 */
export async function runService(
  definition: ServiceDefinition,
  feature: Type<unknown>,
): Promise<RunningService | void> {
  if (process.argv.includes('--prepare')) return prepareService(definition);
  const service = await createService(definition, feature);
  const { runtime, logger } = service;
  const { env } = runtime;
  await service.app.listen({ port: env.PORT, host: env.HOST });
  logger.info({ url: await service.app.getUrl() }, `${definition.name} is listening`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${env.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    service.app.close().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // SIGHUP too: a closed terminal (`npm run dev`) drains like a stop, rather than killing mid-batch.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop(signal));
  return service;
}

/**
 * `main.js --prepare`: migrations, schema registration and topics, then exit (0 when all are done).
 * What the Helm chart's pre-install/pre-upgrade Job runs, so replicas never race a migration.
 */
async function prepareService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(serviceEnv(), env);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const runtime = new ServiceRuntime(definition, config);
  const started = Date.now();
  try {
    await runtime.prepare();
    logger.info(
      { ms: Date.now() - started },
      `${definition.name} prepared: event store migrated, schemas registered, topics present`,
    );
  } catch (error) {
    logger.error({ err: error }, `${definition.name} could not be prepared`);
    process.exitCode = 1;
  } finally {
    await runtime.metrics.close();
    await runtime.pool.end();
  }
  process.exit();
}
