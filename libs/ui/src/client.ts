import { Client, fetchExchange, makeOperation, mapExchange } from 'urql';
import type { CombinedError } from 'urql';
import { ConsistencyTokens, tokensIn } from './consistency';

export interface GatewayClientOptions {
  /** The gateway's base URL (its `/graphql` is called). */
  gatewayUrl: string;
  /** The current bearer token, read for every operation (refresh replaces it). */
  accessToken: () => string | undefined;
  tokens: ConsistencyTokens;
  /** A query or mutation answered `unauthenticated`: the session is over. */
  onUnauthenticated?: (error: CombinedError) => void;
}

/**
 * The one GraphQL client of a web app (urql, ADR 0084): no document cache, so a page shows what the
 * gateway answers now; the bearer token on every operation; and read-your-writes: the consistency
 * tokens mutations answer go as `X-Consistency-Token` with every later query (ADR 0030).
 */
export function createGatewayClient({ gatewayUrl, accessToken, tokens, onUnauthenticated }: GatewayClientOptions) {
  const headersFor = (kind: string): Record<string, string> => {
    const headers: Record<string, string> = {};
    const token = accessToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const consistency = kind === 'query' ? tokens.header() : undefined;
    if (consistency) headers['x-consistency-token'] = consistency;
    return headers;
  };
  return new Client({
    url: `${gatewayUrl.replace(/\/$/, '')}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    exchanges: [
      mapExchange({
        onOperation(operation) {
          const previous =
            typeof operation.context.fetchOptions === 'function'
              ? operation.context.fetchOptions()
              : (operation.context.fetchOptions ?? {});
          return makeOperation(operation.kind, operation, {
            ...operation.context,
            fetchOptions: {
              ...previous,
              headers: { ...(previous.headers as Record<string, string>), ...headersFor(operation.kind) },
            },
          });
        },
        onResult(result) {
          if (result.operation.kind === 'mutation' && result.data) {
            for (const token of tokensIn(result.data)) tokens.remember(token);
          }
        },
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'unauthenticated')) onUnauthenticated?.(error);
        },
      }),
      fetchExchange,
    ],
  });
}
