import type { CallerContext, RequestMeta } from '../../upstreams';
import { graphqlProblem } from './errors';
import type { Loaders } from './loaders';

/**
 * What every resolver gets: the request's headers that travel on, the verified
 * caller (absent on a request without a token: only public fields answer it),
 * this request's DataLoaders, and how fresh the reads it made were.
 */
export interface GqlContext {
  meta: RequestMeta;
  caller?: CallerContext;
  loaders?: Loaders;
  /** Filled by reads sent with consistency tokens; the response's `extensions.consistency` (common/consistency.ts). */
  freshness: Set<'fresh' | 'stale'>;
}

/** The signed-in caller, or the GraphQL form of a 401 (`unauthenticated`). */
export function callerOf(context: GqlContext): CallerContext & { loaders: Loaders } {
  if (!context.caller || !context.loaders) {
    throw graphqlProblem({ message: 'A bearer token is required', code: 'unauthenticated', status: 401 });
  }
  return { ...context.caller, loaders: context.loaders };
}
