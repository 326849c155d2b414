import type { FastifyInstance } from 'fastify';
import { parseCompatibilityLevel } from './compatibility';
import { subjectCompatibilityNotConfigured } from './errors';
import { deleteSubjectLevel, setLevel } from './registry.decider';
import type { RegistryContext } from './registry-context';
import { flag } from './request-parsing';

type Subject = { Params: { subject: string }; Querystring: Record<string, string> };

/** Compatibility config. Writes answer `{"compatibility": ...}` (the request echoed), reads `{"compatibilityLevel": ...}`. */
export function registerConfigRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  app.get('/config', async () => ({ compatibilityLevel: ctx.state.globalLevelOr(ctx.defaultLevel) }));

  app.put('/config', async (request) => {
    const level = requestedLevel(request.body);
    return ctx.write(() => setLevel(null, level));
  });

  app.get<Subject>('/config/:subject', async (request) => {
    const { subject } = request.params;
    const level = ctx.state.subjectLevel(subject);
    if (level) return { compatibilityLevel: level };
    if (flag(request.query, 'defaultToGlobal'))
      return { compatibilityLevel: ctx.state.globalLevelOr(ctx.defaultLevel) };
    throw subjectCompatibilityNotConfigured(subject);
  });

  // Allowed before the subject has any schema, as in Confluent: set the level, then register.
  app.put<Subject>('/config/:subject', async (request) => {
    const level = requestedLevel(request.body);
    return ctx.write(() => setLevel(request.params.subject, level));
  });

  app.delete<Subject>('/config/:subject', async (request) =>
    ctx.write((state) => deleteSubjectLevel(state, request.params.subject)),
  );

  // Modes (IMPORT, READONLY) are not offered; tools that ask get Confluent's default.
  app.get('/mode', async () => ({ mode: 'READWRITE' }));
}

function requestedLevel(body: unknown): ReturnType<typeof parseCompatibilityLevel> {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return parseCompatibilityLevel(request.compatibility ?? request.compatibilityLevel);
}
