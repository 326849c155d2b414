import type { FastifyInstance } from 'fastify';
import { subjectNotFound } from './errors';
import { deleteSubject, deleteVersion, register } from './registry.decider';
import { getVersion, lookUpSchema } from './registry.queries';
import type { RegistryContext } from './registry-context';
import { flag, parseSchemaRequest, parseVersion, refuseImportFields } from './request-parsing';

type Subject = { Params: { subject: string }; Querystring: Record<string, string> };
type SubjectVersion = { Params: { subject: string; version: string }; Querystring: Record<string, string> };

export function registerSubjectRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  app.get<{ Querystring: Record<string, string> }>('/subjects', async (request) => {
    const deletedOnly = flag(request.query, 'deletedOnly');
    const prefix = request.query.subjectPrefix ?? '';
    const live = new Set(ctx.state.subjectNames(false));
    return ctx.state
      .subjectNames(deletedOnly || flag(request.query, 'deleted'))
      .filter((s) => s.startsWith(prefix) && (!deletedOnly || !live.has(s)));
  });

  // Lookup: is this schema registered under the subject, and as which version?
  app.post<Subject>('/subjects/:subject', async (request) =>
    lookUpSchema(ctx.state, request.params.subject, parseSchemaRequest(request.body), flag(request.query, 'deleted')),
  );

  app.delete<Subject>('/subjects/:subject', async (request) =>
    ctx.write((state) => deleteSubject(state, request.params.subject, flag(request.query, 'permanent'))),
  );

  app.get<Subject>('/subjects/:subject/versions', async (request) => {
    const { subject } = request.params;
    const deletedOnly = flag(request.query, 'deletedOnly');
    const versions = ctx.state.versions(subject, deletedOnly || flag(request.query, 'deleted'));
    if (versions.length === 0) throw subjectNotFound(subject);
    return versions.filter((v) => !deletedOnly || v.deleted).map((v) => v.version);
  });

  app.post<Subject>('/subjects/:subject/versions', async (request) => {
    const { subject } = request.params;
    refuseImportFields(subject, request.body);
    const schema = parseSchemaRequest(request.body);
    return ctx.write((state) => register(state, subject, schema, ctx.defaultLevel));
  });

  app.get<SubjectVersion>('/subjects/:subject/versions/:version', async (request) => {
    const { subject, version } = request.params;
    return getVersion(ctx.state, subject, parseVersion(version), flag(request.query, 'deleted'));
  });

  // The schema itself, unwrapped, as the response body.
  app.get<SubjectVersion>('/subjects/:subject/versions/:version/schema', async (request, reply) => {
    const { subject, version } = request.params;
    const found = getVersion(ctx.state, subject, parseVersion(version), flag(request.query, 'deleted'));
    return reply.send(found.schema);
  });

  // Nothing can reference a schema here (references are refused), but clients ask.
  app.get<SubjectVersion>('/subjects/:subject/versions/:version/referencedby', async (request) => {
    getVersion(ctx.state, request.params.subject, parseVersion(request.params.version), true);
    return [];
  });

  app.delete<SubjectVersion>('/subjects/:subject/versions/:version', async (request) => {
    const { subject } = request.params;
    const version = parseVersion(request.params.version);
    return ctx.write((state) => deleteVersion(state, subject, version, flag(request.query, 'permanent')));
  });
}
