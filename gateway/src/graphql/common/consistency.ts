import type { GqlContext } from './context';

/**
 * Read-your-writes over GraphQL. A mutation answers its `consistencyToken`;
 * the client sends the tokens it holds as `X-Consistency-Token` (a comma-separated
 * list) with its next query, every service read of that query waits for them
 * (bounded, ADR 0030), and the response says how that went in
 * `extensions.consistency`: `fresh` when every read had caught up, `stale`
 * when at least one answered before it had. No tokens, no extension.
 */
export function consistencyExtension(
  execution: { extensions?: Record<string, unknown> },
  context: Partial<GqlContext>,
): void {
  const seen = context.freshness;
  if (!seen || seen.size === 0) return;
  execution.extensions = { ...execution.extensions, consistency: seen.has('stale') ? 'stale' : 'fresh' };
}
