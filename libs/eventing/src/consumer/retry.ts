export interface RetryPolicy {
  maxAttempts: number;
  /** First backoff; doubles each attempt. */
  delayMs: number;
  /** Errors for which another attempt cannot help (poison records, broken business rules). */
  isFinal: (error: unknown) => boolean;
}

export type Attempted = { ok: true } | { ok: false; error: unknown; attempts: number };

/** Runs `work` until it succeeds, fails with a final error, or runs out of attempts (with exponential backoff). */
export async function attempt(work: () => Promise<void>, policy: RetryPolicy): Promise<Attempted> {
  for (let attempts = 1; ; attempts++) {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      if (policy.isFinal(error) || attempts >= policy.maxAttempts) return { ok: false, error, attempts };
      await new Promise((resolve) => setTimeout(resolve, policy.delayMs * 2 ** (attempts - 1)));
    }
  }
}
