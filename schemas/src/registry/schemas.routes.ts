import type { FastifyInstance } from 'fastify';
import { RegistryError, schemaNotFound } from './errors';
import { getSchemaById } from './registry.queries';
import type { RegistryContext } from './registry-context';
import { flag } from './request-parsing';

type ById = { Params: { id: string }; Querystring: Record<string, string> };

export function registerSchemaRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  // Soft-deleted versions still resolve by id: data written with them must stay readable.
  app.get<ById>('/schemas/ids/:id', async (request) => ({
    schema: getSchemaById(ctx.state, schemaId(request.params.id)),
  }));

  app.get<ById>('/schemas/ids/:id/schema', async (request, reply) =>
    reply.send(getSchemaById(ctx.state, schemaId(request.params.id))),
  );

  app.get<ById>('/schemas/ids/:id/versions', async (request) => {
    const id = schemaId(request.params.id);
    const versions = ctx.state.subjectVersionsForId(id, flag(request.query, 'deleted'));
    if (!versions) throw schemaNotFound(id);
    return versions;
  });

  app.get<ById>('/schemas/ids/:id/subjects', async (request) => {
    const id = schemaId(request.params.id);
    const versions = ctx.state.subjectVersionsForId(id, flag(request.query, 'deleted'));
    if (!versions) throw schemaNotFound(id);
    return [...new Set(versions.map((v) => v.subject))];
  });

  app.get('/schemas/types', async () => ['AVRO']);
}

/** A non-numeric id never matches Confluent's integer path parameter: a plain 404. */
function schemaId(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new RegistryError(404, 404, 'HTTP 404 Not Found');
  return Number(raw);
}
