import { parseAvroSchema } from '../src/registry/avro-schema';
import type { LogRecord } from '../src/registry/log-records';
import { deleteSubject, deleteVersion, register, setLevel } from '../src/registry/registry.decider';
import { RegistryState } from '../src/registry/state';

const schema = (n: number) =>
  parseAvroSchema(
    JSON.stringify({
      type: 'record',
      name: 'E',
      fields: Array.from({ length: n }, (_, i) => ({ name: `f${i}`, type: 'int', default: 0 })),
    }),
  );

/** Runs commands the way the registry does (decide, then apply what was written) and keeps the log. */
function run(commands: ((s: RegistryState) => { records: LogRecord[] })[]): { state: RegistryState; log: LogRecord[] } {
  const state = new RegistryState();
  const log: LogRecord[] = [];
  for (const decide of commands) {
    const { records } = decide(state);
    records.forEach((r) => state.apply(r));
    log.push(...records);
  }
  return { state, log };
}

function snapshot(state: RegistryState) {
  return state.subjectNames(true).map((subject) => ({
    subject,
    level: state.subjectLevel(subject),
    versions: state.versions(subject, true),
    ids: state
      .versions(subject, true)
      .map((v) => [v.id, state.schemaById(v.id), state.subjectVersionsForId(v.id, true)]),
  }));
}

/** What a compacted topic keeps: the last record per key, in offset order; tombstones may go too. */
function compact(log: LogRecord[], dropTombstones: boolean): LogRecord[] {
  const keyOf = (r: LogRecord) =>
    JSON.stringify(r.kind === 'noop' ? ['noop'] : [r.kind, r.subject, 'version' in r ? r.version : null]);
  const last = new Map(log.map((r, i) => [keyOf(r), i]));
  return log.filter((r, i) => last.get(keyOf(r)) === i && !(dropTombstones && r.kind === 'schema' && r.value === null));
}

describe('RegistryState is a fold over the log', () => {
  const { state, log } = run([
    (s) => register(s, 'a', schema(1), 'FULL_TRANSITIVE'),
    (s) => register(s, 'a', schema(2), 'FULL_TRANSITIVE'),
    (s) => register(s, 'b', schema(2), 'FULL_TRANSITIVE'),
    () => setLevel('b', 'NONE'),
    (s) => deleteVersion(s, 'a', 1, false),
    (s) => register(s, 'c', schema(3), 'FULL_TRANSITIVE'),
    (s) => deleteSubject(s, 'c', false),
    (s) => deleteSubject(s, 'c', true),
    (s) => register(s, 'c', schema(4), 'FULL_TRANSITIVE'),
    (s) => register(s, 'd', schema(5), 'FULL_TRANSITIVE'),
    (s) => deleteSubject(s, 'd', false),
    () => setLevel(null, 'FORWARD'),
  ]);

  it('rebuilds the same state from the same log (a restart, or a read replica)', () => {
    const replica = new RegistryState();
    log.forEach((r) => replica.apply(r));
    expect(snapshot(replica)).toEqual(snapshot(state));
    expect(replica.globalLevelOr('BACKWARD')).toBe('FORWARD');
  });

  it('rebuilds the same state once the topic is compacted, tombstones kept or gone', () => {
    for (const dropTombstones of [false, true]) {
      const replica = new RegistryState();
      compact(log, dropTombstones).forEach((r) => replica.apply(r));
      expect(snapshot(replica)).toEqual(snapshot(state));
    }
  });

  it('holds what the commands did', () => {
    expect(state.subjectNames(false)).toEqual(['a', 'b', 'c']);
    expect(state.subjectNames(true)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.versions('a', true).map((v) => [v.version, v.id, v.deleted])).toEqual([
      [1, 1, true],
      [2, 2, false],
    ]);
    expect(state.subjectVersionsForId(2, false)).toEqual([
      { subject: 'a', version: 2 },
      { subject: 'b', version: 1 },
    ]);
    expect(state.versions('c', true).map((v) => [v.version, v.id])).toEqual([[1, 4]]); // numbering restarts after a hard delete
    expect(state.schemaById(3)).toBeUndefined();
  });
});
