import Fastify, { FastifyError, FastifyInstance } from 'fastify';
import { badRequest, RegistryError } from './errors';
import type { RegistryLogger } from './logger';
import { registerCompatibilityRoutes } from './compatibility.routes';
import { registerConfigRoutes } from './config.routes';
import type { RegistryContext } from './registry-context';
import { registerSchemaRoutes } from './schemas.routes';
import { registerSubjectRoutes } from './subjects.routes';

export const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * The Confluent REST surface over a RegistryContext. Bodies are read as JSON
 * whatever their content type: clients send application/vnd.schemaregistry.v1+json,
 * application/vnd.schemaregistry+json, application/json or, some of them,
 * application/octet-stream, and an empty body (DELETE with a content type) is no body.
 */
export function buildHttpServer(ctx: RegistryContext, logger: RegistryLogger): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024, forceCloseConnections: true });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(badRequest(`Unrecognized request body, expected JSON: ${(error as Error).message}`), undefined);
    }
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.type(CONTENT_TYPE);
  });
  app.addHook('onResponse', async (request, reply) => {
    logger.debug('request', { method: request.method, url: request.url, status: reply.statusCode });
  });

  app.setErrorHandler((error: FastifyError | RegistryError, request, reply) => {
    if (error instanceof RegistryError) {
      if (error.httpStatus >= 500) logger.error('request failed', { url: request.url, error: error.message });
      return reply.code(error.httpStatus).send({ error_code: error.errorCode, message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ error_code: status, message: error.message });
    logger.error('unexpected error', { url: request.url, error: error.message, stack: error.stack });
    return reply.code(500).send({ error_code: 500, message: `Internal Server Error: ${error.message}` });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error_code: 404, message: 'HTTP 404 Not Found' }));

  app.get('/', async () => ({}));
  // Not part of Confluent's API: liveness for process managers, readiness for
  // "has read the log and its reader is alive".
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) =>
    ctx.ready() ? { status: 'ready' } : reply.code(503).send({ status: 'not ready' }),
  );

  registerSubjectRoutes(app, ctx);
  registerSchemaRoutes(app, ctx);
  registerConfigRoutes(app, ctx);
  registerCompatibilityRoutes(app, ctx);
  return app;
}
