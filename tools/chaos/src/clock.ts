export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number) => performance.now() - start;

/** Polls `check` until it holds; returns how long that took, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, pollMs = 250) {
  const start = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return since(start);
    if (since(start) > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(pollMs);
  }
}
