/**
 * Read-your-writes (gateway README, ADR 0030): every mutation answers a consistency token; the
 * client sends the tokens it holds as `X-Consistency-Token` (a comma-separated list) with its
 * next queries, and each service read waits until its projection has applied them. A query passes
 * over tokens for topics it does not read, so sending all of them is right. Tokens are kept for a
 * while (a service waits at most 3 s for one; after `ttlMs` a write is long visible) and at most
 * 32 at once (the gateway's limit), the oldest dropped first.
 */
export class ConsistencyTokens {
  private tokens: Array<{ token: string; at: number }> = [];

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = 60_000,
    private readonly max = 32,
  ) {}

  /** Keeps the token(s) a mutation answered (a comma-separated list is several). */
  remember(token: string | null | undefined): void {
    if (!token) return;
    for (const one of token.split(',').map((t) => t.trim())) {
      if (!one) continue;
      this.tokens = this.tokens.filter((t) => t.token !== one);
      this.tokens.push({ token: one, at: this.now() });
    }
    this.tokens = this.tokens.slice(-this.max);
  }

  /** The header's value for the next query, or undefined when no write is pending. */
  header(): string | undefined {
    const cutoff = this.now() - this.ttlMs;
    this.tokens = this.tokens.filter((t) => t.at > cutoff);
    return this.tokens.length ? this.tokens.map((t) => t.token).join(', ') : undefined;
  }

  clear(): void {
    this.tokens = [];
  }
}

/** Every `consistencyToken` in a mutation's data, however deep (one per mutation field). */
export function tokensIn(data: unknown, found: string[] = []): string[] {
  if (Array.isArray(data)) {
    for (const item of data) tokensIn(item, found);
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'consistencyToken' && typeof value === 'string' && value) found.push(value);
      else tokensIn(value, found);
    }
  }
  return found;
}
