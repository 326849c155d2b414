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
 * A problem as a GraphQL error: `extensions` carry the code, the HTTP status it
 * has in REST, the service and the offending fields (and, for a login that needs
 * a second factor, which one: `secondFactor: 'totp'`). When nothing else could be
 * answered (no data), Mercurius uses the status as the HTTP status too.
 */
export function graphqlProblem({ message, code, status, module, errors, secondFactor }: ProblemShape): GraphQLError {
  const error = new GraphQLError(message, {
    extensions: {
      code,
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
