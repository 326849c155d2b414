import { GraphQLError } from 'graphql';
import { UpstreamProblem } from '../../upstreams';

/**
 * A service's problem+json as a GraphQL error: the same stable `code`, the
 * HTTP status it had, the offending fields of a validation failure, and, for
 * a login that needs a second factor, which one (`secondFactor: 'totp'`).
 */
export async function fromUpstream<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof UpstreamProblem)) throw error;
    const { errors } = error.problem;
    const { code, status, module, secondFactor } = error;
    const graphqlError = new GraphQLError(error.message, {
      extensions: { code, status, module, ...(errors ? { errors } : {}), ...(secondFactor ? { secondFactor } : {}) },
    });
    // When nothing else could be answered, Mercurius uses this as the HTTP status.
    throw Object.assign(graphqlError, { statusCode: error.status });
  }
}
