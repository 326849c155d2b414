import type { Principal } from '@hexfleet/platform';

const MINUTE_MS = 60_000;

/**
 * The per-user posting limit: `postsPerMinute` in a sliding minute, counted for the whole fleet
 * (ADR 0059, amended in session 10): every replica counts in the same place, so a user spread over
 * N replicas still gets the limit once.
 */
export abstract class PostingRate {
  /** Counts a post and answers 0, or answers the seconds until the caller may post again (and counts nothing). */
  abstract take(caller: Pick<Principal, 'tenant' | 'userId'>): Promise<number>;
}

/**
 * The sliding minute, estimated from two fixed minutes: the previous minute's posts weighted by
 * the share of it still inside the window, plus this minute's. 0 when one more post fits, else the
 * whole seconds until it does (nothing more being posted meanwhile).
 */
export function postingWait(previous: number, current: number, limit: number, elapsedMs: number): number {
  const inWindow = 1 - elapsedMs / MINUTE_MS;
  if (previous * inWindow + current < limit) return 0;
  // This minute, as the previous one slides out: previous * (1 - f) + current < limit.
  // Else the next, where this minute is the previous one: current * (1 - f) < limit.
  const waitMs =
    current < limit
      ? (1 - (limit - current) / previous) * MINUTE_MS - elapsedMs
      : MINUTE_MS - elapsedMs + (1 - limit / current) * MINUTE_MS;
  return Math.floor(waitMs / 1000) + 1;
}

/** The fixed minute of a time, and how far into it the time is. */
export function minuteOf(nowMs: number): { minute: number; elapsedMs: number } {
  const minute = Math.floor(nowMs / MINUTE_MS);
  return { minute, elapsedMs: nowMs - minute * MINUTE_MS };
}
