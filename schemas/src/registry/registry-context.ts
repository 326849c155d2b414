import type { CompatibilityLevel } from './compatibility';
import type { LogRecord } from './log-records';
import type { Decision } from './registry.decider';
import type { RegistryState } from './state';

/** What the HTTP routes see: the state to read, and a way to write through the log. */
export interface RegistryContext {
  readonly state: RegistryState;
  readonly defaultLevel: CompatibilityLevel;
  write<T>(decide: (state: RegistryState) => Decision<T>): Promise<T>;
  ready(): boolean;
}

/**
 * Runs writes one at a time. Each decides against the state its predecessor
 * left (so two registrations cannot both take id N or version N) and returns
 * only after its records came back from the log and were applied. This is
 * single-writer safety within one instance; across instances there is no
 * election, so only one instance should take writes.
 */
export function serialWriter(
  state: RegistryState,
  append: (records: LogRecord[]) => Promise<void>,
): RegistryContext['write'] {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(decide: (state: RegistryState) => Decision<T>): Promise<T> => {
    const run = tail.then(async () => {
      const { records, reply } = decide(state);
      if (records.length > 0) await append(records);
      return reply;
    });
    tail = run.catch(() => undefined);
    return run;
  };
}
