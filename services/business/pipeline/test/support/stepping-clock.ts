import type { Clock } from '@hexfleet/kernel';

/** A clock that moves one minute each time it is read: stays in a stage last a known, non-zero time. */
export function steppingClock(start: string): Clock {
  let at = Date.parse(start);
  return {
    now() {
      at += 60_000;
      return new Date(at);
    },
  };
}
