import { parseAvroSchema } from '../../src/registry/avro-schema';
import type { LogRecord } from '../../src/registry/log-records';
import type { Decision } from '../../src/registry/registry.decider';
import { RegistryState } from '../../src/registry/state';

// Emmett-style specs for the pure registry: given the log so far, when a command
// is decided, then these records are written (and, applied, give this state) or
// this error is thrown.

export const order = (...extra: object[]) =>
  parseAvroSchema(
    JSON.stringify({
      type: 'record',
      name: 'Order',
      namespace: 't',
      fields: [{ name: 'id', type: 'string' }, ...extra],
    }),
  );
export const V1 = order();
export const V2 = order({ name: 'note', type: 'string', default: '' });
export const V3 = order({ name: 'note', type: 'string', default: '' }, { name: 'qty', type: 'int', default: 0 });
export const BREAKING = order({ name: 'qty', type: 'int' });

export const schemaRecord = (
  subject: string,
  version: number,
  id: number,
  schema = V1.canonical,
  deleted = false,
): LogRecord => ({
  kind: 'schema',
  subject,
  version,
  value: { subject, version, id, schema, deleted },
});

export function given(...records: LogRecord[]) {
  const state = new RegistryState();
  records.forEach((r) => state.apply(r));
  return {
    state,
    when<T>(decide: (s: RegistryState) => Decision<T>) {
      let decision: Decision<T> | undefined;
      let error: unknown;
      try {
        decision = decide(state);
        decision.records.forEach((r) => state.apply(r));
      } catch (e) {
        error = e;
      }
      return {
        thenWrites(records: LogRecord[], reply?: T) {
          expect(error).toBeUndefined();
          expect(decision?.records).toEqual(records);
          if (reply !== undefined) expect(decision?.reply).toEqual(reply);
          return state;
        },
        thenThrows(errorCode: number) {
          expect(error).toMatchObject({ errorCode });
        },
      };
    },
  };
}
