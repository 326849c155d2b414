import { GraphQLError } from 'graphql';
import type { CallerContext } from '../upstreams';
import type { Loaders } from './loaders';

/** What every resolver gets: the verified caller and this request's DataLoaders. */
export interface GqlContext {
  caller?: CallerContext;
  loaders?: Loaders;
}

/** The caller, or the GraphQL form of a 401 (the HTTP hook refuses tokenless requests first; this guards subscriptions). */
export function callerOf(context: GqlContext): CallerContext & { loaders: Loaders } {
  if (!context.caller || !context.loaders) {
    throw new GraphQLError('A bearer token is required', { extensions: { code: 'unauthenticated', status: 401 } });
  }
  return { ...context.caller, loaders: context.loaders };
}
