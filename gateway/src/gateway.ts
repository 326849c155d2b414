import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import proxy from '@fastify/http-proxy';
import rateLimit from '@fastify/rate-limit';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PubSub } from 'mercurius';
import { consistencyExtension } from './graphql/common/consistency';
import { queryLimits } from './graphql/common/limits';
import type { DestinationStream, Logger } from 'pino';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { createLogger, PinoNestLogger, ProblemDetailsFilter, TokenVerifier } from '@hexfleet/platform';
import { registerAsyncApi } from './asyncapi';
import { GatewayEnv, MODULES, ModuleName, upstreamUrls } from './config';
import { EdgeAuth, EdgeUnauthorized, hasCredentials } from './edge-auth';
import { AuthenticatedRequest, gatewayModule } from './gateway.module';
import { tenantChannel } from './graphql/live/live-views';
import { LiveFeed, liveTopics } from './live-feed';
import { sendErrorAsProblem, sendProblem, sendUpstreamFailure } from './problems';
import { Upstreams } from './upstreams';

export interface Gateway {
  app: NestFastifyApplication;
  logger: Logger;
  close(): Promise<void>;
}

interface MercuriusGraphql {
  pubsub: PubSub;
  addHook(name: 'preExecution', hook: ReturnType<typeof queryLimits>): void;
  addHook(
    name: 'onResolution',
    hook: (execution: { extensions?: Record<string, unknown> }, context: object) => Promise<void>,
  ): void;
}

/** Identity routes anyone may call: signing in and everything before it. */
const PUBLIC_IDENTITY = [/^\/auth\//, /^\/\.well-known\//, /^\/dev\/mailbox(\?|$)/];
/** Service routes that are for the cluster, not for the internet. */
const INTERNAL = /^\/(metrics|health)(\/|\?|$)/;

/** An API answers data, never a page: nothing may load from it or frame it (GraphiQL and /asyncapi set their own). */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const CORS_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-consistency-token', 'x-correlation-id'];
const EXPOSED_HEADERS = ['x-consistency-token', 'x-consistency', 'x-correlation-id', 'retry-after'];

/**
 * The gateway: REST under `/api/v1/<module>/...` passed through to each
 * service, GraphQL at `/graphql` (subscriptions over graphql-ws, fed from
 * Kafka), one token check for both, rate limits, size limits, CORS.
 */
export async function createGateway(
  env: GatewayEnv,
  options: { logDestination?: DestinationStream } = {},
): Promise<Gateway> {
  const logger = createLogger('gateway', env.LOG_LEVEL, options.logDestination);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Gateway HTTP latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics],
  });
  const urls = upstreamUrls(env);
  const deployed = MODULES.filter((m) => urls[m]);
  const upstreams = new Upstreams(urls, env.UPSTREAM_TIMEOUT_MS, metrics);
  const auth = new EdgeAuth(
    new TokenVerifier({
      jwksUrl: env.JWKS_URL,
      jwksJson: env.JWKS_JSON,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    }),
  );
  const live = new LiveFeed(
    { brokers: env.KAFKA_BROKERS, registryUrl: env.SCHEMA_REGISTRY_URL, topics: liveTopics(deployed) },
    logger,
    metrics,
  );

  const adapter = new FastifyAdapter({ bodyLimit: env.BODY_LIMIT_BYTES, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(gatewayModule(env, upstreams, auth), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  await app.register(cors as never, {
    origin: env.CORS_ORIGINS.length ? env.CORS_ORIGINS : false,
    credentials: true,
    allowedHeaders: CORS_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // Security headers on every answer (helmet): nosniff, no framing, no referrer, HSTS, COOP and CORP
  // (which bind no-cors loads only; the web apps' fetches are governed by CORS above). docs/security.md.
  await app.register(helmet as never, {
    contentSecurityPolicy: false, // set per answer below: GraphiQL's page needs scripts, the API's answers nothing
    strictTransportSecurity:
      env.HSTS_MAX_AGE_SECONDS > 0 ? { maxAge: env.HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy') && !request.url.startsWith('/graphiql')) {
      void reply.header('content-security-policy', API_CSP);
    }
    return payload;
  });
  await app.register(rateLimit as never, {
    max: env.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => INTERNAL.test(request.url),
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new HttpException(`Too many requests; try again in ${context.after}`, 429),
  });

  fastify.addHook('onRequest', async (request: AuthenticatedRequest, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > env.BODY_LIMIT_BYTES) {
      return sendProblem(reply, 413, 'payload-too-large', 'Payload too large', `at most ${env.BODY_LIMIT_BYTES} bytes`);
    }
    // GraphQL over HTTP: a token, when sent, must be good; without one, only the public fields
    // (signing in and what comes before it) answer. A WebSocket brings it in connection_init instead.
    if (request.url.startsWith('/graphql') && request.headers.upgrade?.toLowerCase() !== 'websocket') {
      if (request.method === 'OPTIONS' || !hasCredentials(request.headers)) return;
      return authenticate(request, reply);
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (!INTERNAL.test(route)) {
      logger.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
    }
  });

  async function authenticate(request: AuthenticatedRequest, reply: FastifyReply) {
    try {
      request.caller = await auth.callerOf(request);
    } catch (error) {
      const detail = error instanceof EdgeUnauthorized ? error.message : 'The token could not be checked';
      return sendProblem(reply, 401, 'unauthorized', 'Unauthorized', detail);
    }
  }

  for (const module of deployed) registerRest(fastify, module, urls[module] as string, authenticate);

  registerAsyncApi(fastify, env);
  fastify.get('/health/live', async () => ({ status: 'ok' }));
  fastify.get('/health/ready', async (_request, reply) => {
    const details = { 'live-feed': { status: live.ready ? 'up' : 'down' } };
    return reply.status(live.ready ? 200 : 503).send({ status: live.ready ? 'ok' : 'error', details });
  });
  fastify.get('/metrics', async (_request, reply) =>
    reply.header('content-type', metrics.contentType).send(await metrics.metrics()),
  );

  await app.init();
  const graphql = (fastify as unknown as { graphql: MercuriusGraphql }).graphql;
  graphql.addHook('preExecution', queryLimits(env.GRAPHQL_MAX_DEPTH, env.GRAPHQL_MAX_COMPLEXITY));
  graphql.addHook('onResolution', async (execution, context) => consistencyExtension(execution, context));
  const { pubsub } = graphql;
  live.start(
    (tenant, event) =>
      new Promise<void>((resolve) =>
        pubsub.publish({ topic: tenantChannel(tenant), payload: { domainEvents: event } }, () => resolve()),
      ),
  );

  return {
    app,
    logger,
    async close() {
      await live.stop();
      await app.close();
      await upstreams.close();
    },
  };
}

/** `/api/v1/<module>/<path>` -> `<MODULE>_URL/<path>`, streamed, headers kept; the token checked first. */
function registerRest(
  fastify: FastifyInstance,
  module: ModuleName,
  upstream: string,
  authenticate: (request: AuthenticatedRequest, reply: FastifyReply) => Promise<unknown>,
) {
  const prefix = `/api/v1/${module}`;
  // The proxy streams bodies through with parsers of its own, so it gets a scope where
  // the server's JSON parser is not (the plugin is not encapsulated by itself).
  void fastify.register(async (scope) => {
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    // Registered before Nest's own handler exists, this scope would otherwise answer errors in plain JSON.
    scope.setErrorHandler((error: { statusCode?: number; status?: number; message: string }, _request, reply) =>
      sendErrorAsProblem(reply, error),
    );
    await scope.register(proxy, {
      upstream,
      prefix,
      rewritePrefix: '',
      websocket: false,
      replyOptions: {
        // No answer from the service (refused, reset, timed out) is the upstream's failure, not ours:
        // 502 or 504 as on the GraphQL path, where the proxy would say 500 for a refused connection.
        onError: (reply, { error }) => sendUpstreamFailure(reply as FastifyReply, module, error),
        // The services see the client's address (identity limits logins per address), not the gateway's.
        rewriteRequestHeaders: (request, headers: IncomingHttpHeaders) => {
          const before = headers['x-forwarded-for'];
          return { ...headers, 'x-forwarded-for': before ? `${String(before)}, ${request.ip}` : request.ip };
        },
      },
      preHandler: async (request: AuthenticatedRequest, reply: FastifyReply) => {
        const path = request.url.slice(prefix.length) || '/';
        if (INTERNAL.test(path)) return sendProblem(reply, 404, 'not-found', 'Not found', 'no such route');
        if (module === 'identity' && PUBLIC_IDENTITY.some((pattern) => pattern.test(path))) return;
        await authenticate(request, reply);
      },
    });
  });
}
