import { GraphQLError } from 'graphql';
import { UpstreamProblem } from '../../upstreams';

export interface ProblemShape {
  message: string;
  /** The stable problem code clients switch on (`validation-failed`, `leave-overlaps`, ...). */
  code: string;
  status: number;
  /** The service that answered, when one did. */
  module?: string;
  /** For `validation-failed`: each offending field, by its path in the request. */
  errors?: unknown;
  /** A login refused for want of a second factor: which one (`totp`). */
  secondFactor?: string;
}

/**
 * The kind of failure, in graphql-java's `ErrorType` terms (a taxonomy GraphQL
 * clients and tools such as Schemathesis read): a refusal of what the client
 * sent, or asked for in the current state, is `BAD_REQUEST`; a failure of ours
 * is `INTERNAL_ERROR` or `UNAVAILABLE`.
 */
export function classificationOf(status: number): string {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
}

/**
 * A problem as a GraphQL error: `extensions` carry the code, its classification, the
 * HTTP status it has in REST, the service and the offending fields (and, for a login that needs
 * a second factor, which one: `secondFactor: 'totp'`). When nothing else could be
 * answered (no data), Mercurius uses the status as the HTTP status too.
 */
export function graphqlProblem({ message, code, status, module, errors, secondFactor }: ProblemShape): GraphQLError {
  const error = new GraphQLError(message, {
    extensions: {
      code,
      classification: classificationOf(status),
      status,
      ...(module ? { module } : {}),
      ...(errors ? { errors } : {}),
      ...(secondFactor ? { secondFactor } : {}),
    },
  });
  return Object.assign(error, { statusCode: status });
}

/** A service's problem+json as a GraphQL error (the same code, status and fields). */
export async function fromUpstream<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof UpstreamProblem)) throw error;
    throw graphqlProblem({
      message: error.message,
      code: error.code,
      status: error.status,
      module: error.module,
      errors: error.problem.errors,
      secondFactor: error.secondFactor,
    });
  }
}
