import type { FastifyInstance } from 'fastify';
import { ParsedSchema } from './avro-schema';
import { RegistryError } from './errors';
import { testCompatibility } from './registry.queries';
import type { RegistryContext } from './registry-context';
import { flag, parseSchemaRequest, parseVersion } from './request-parsing';

type Check = { Params: { subject: string; version?: string }; Querystring: Record<string, string> };

/**
 * `/compatibility/subjects/{subject}/versions/{version}` checks against that one
 * version under the subject's level; without a version, against what
 * registration would check. `?verbose=true` adds the reasons, and then an
 * unparseable schema is reported as a reason instead of a 42201, as Confluent does.
 */
export function registerCompatibilityRoutes(app: FastifyInstance, ctx: RegistryContext): void {
  const check = async (request: { params: Check['Params']; query: Check['Querystring']; body: unknown }) => {
    const { subject, version } = request.params;
    const parsedVersion = version === undefined ? undefined : parseVersion(version);
    const verbose = flag(request.query, 'verbose');
    let schema: ParsedSchema;
    try {
      schema = parseSchemaRequest(request.body);
    } catch (error) {
      if (verbose && error instanceof RegistryError && error.errorCode === 42201) {
        return { is_compatible: false, messages: [error.message] };
      }
      throw error;
    }
    const messages = testCompatibility(ctx.state, subject, parsedVersion, schema, ctx.defaultLevel);
    return verbose ? { is_compatible: messages.length === 0, messages } : { is_compatible: messages.length === 0 };
  };
  app.post<Check>('/compatibility/subjects/:subject/versions/:version', check);
  app.post<Check>('/compatibility/subjects/:subject/versions', check);
}
