import type { TimeAndIds } from '@hexfleet/platform';

/** `seconds` after now, as an ISO-8601 instant: when a token, link or session expires. */
export const inSeconds = (time: TimeAndIds, seconds: number): string =>
  new Date(time.clock.now().getTime() + seconds * 1000).toISOString();

/** Now in Unix milliseconds: TOTP steps, a token's `iat`, counting windows. */
export const epochMs = (time: TimeAndIds): number => time.clock.now().getTime();
