/** The time port: the domain never reads the clock itself, it is handed `now`. */
export interface Clock {
  now(): Date;
}

/** A clock that says what it is told: for tests and for replaying decisions. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next) => (current = new Date(next)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}
