import { GraphQLError } from 'graphql';
import { UpstreamProblem } from '../../upstreams';

/**
 * A service's problem+json as a GraphQL error: the same stable `code`, the
 * HTTP status it had, and the offending fields of a validation failure.
 */
export async function fromUpstream<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof UpstreamProblem)) throw error;
    const { errors } = error.problem;
    const graphqlError = new GraphQLError(error.message, {
      extensions: { code: error.code, status: error.status, module: error.module, ...(errors ? { errors } : {}) },
    });
    // When nothing else could be answered, Mercurius uses this as the HTTP status.
    throw Object.assign(graphqlError, { statusCode: error.status });
  }
}
