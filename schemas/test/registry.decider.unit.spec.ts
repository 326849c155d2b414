import { deleteSubject, deleteSubjectLevel, deleteVersion, register, setLevel } from '../src/registry/registry.decider';
import { LATEST } from '../src/registry/state';
import { BREAKING, given, schemaRecord, V1, V2, V3 } from './support/given';

describe('register', () => {
  it('gives a new schema the next id and version 1', () => {
    given(schemaRecord('other', 1, 7, V3.canonical))
      .when((s) => register(s, 'orders', V1, 'BACKWARD'))
      .thenWrites([schemaRecord('orders', 1, 8)], { id: 8 });
  });

  it('writes nothing for a schema the subject already has, and reuses the id of one another subject has', () => {
    given(schemaRecord('orders', 1, 1))
      .when((s) => register(s, 'orders', V1, 'BACKWARD'))
      .thenWrites([], { id: 1 });
    given(schemaRecord('orders', 1, 1))
      .when((s) => register(s, 'payments', V1, 'BACKWARD'))
      .thenWrites([schemaRecord('payments', 1, 1)]);
  });

  it('refuses an incompatible schema under the effective level, subject level first', () => {
    given(schemaRecord('orders', 1, 1))
      .when((s) => register(s, 'orders', BREAKING, 'BACKWARD'))
      .thenThrows(409);
    given(schemaRecord('orders', 1, 1), { kind: 'config', subject: null, level: 'NONE' })
      .when((s) => register(s, 'orders', BREAKING, 'BACKWARD'))
      .thenWrites([schemaRecord('orders', 2, 2, BREAKING.canonical)]);
    given(
      schemaRecord('orders', 1, 1),
      { kind: 'config', subject: null, level: 'NONE' },
      { kind: 'config', subject: 'orders', level: 'FULL' },
    )
      .when((s) => register(s, 'orders', BREAKING, 'BACKWARD'))
      .thenThrows(409);
  });

  it('continues numbering after soft-deleted versions and drops the deleted copies of a schema that comes back', () => {
    const state = given(schemaRecord('orders', 1, 1), schemaRecord('orders', 2, 2, V2.canonical), {
      kind: 'delete-subject',
      subject: 'orders',
      version: 2,
    })
      .when((s) => register(s, 'orders', V1, 'FULL_TRANSITIVE'))
      .thenWrites([{ kind: 'schema', subject: 'orders', version: 1, value: null }, schemaRecord('orders', 3, 1)], {
        id: 1,
      });
    expect(state.versions('orders', true).map((v) => [v.version, v.deleted])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it('ignores soft-deleted versions when checking compatibility', () => {
    given(schemaRecord('orders', 1, 1), schemaRecord('orders', 1, 1, V1.canonical, true))
      .when((s) => register(s, 'orders', BREAKING, 'FULL_TRANSITIVE'))
      .thenWrites([schemaRecord('orders', 2, 2, BREAKING.canonical)]);
  });
});

describe('deleting', () => {
  const history = [schemaRecord('orders', 1, 1), schemaRecord('orders', 2, 2, V2.canonical)];

  it('soft-deletes a subject with a DELETE_SUBJECT record up to its latest version, and drops its config', () => {
    const state = given(...history, { kind: 'config', subject: 'orders', level: 'FULL' })
      .when((s) => deleteSubject(s, 'orders', false))
      .thenWrites(
        [
          { kind: 'delete-subject', subject: 'orders', version: 2 },
          { kind: 'config', subject: 'orders', level: null },
        ],
        [1, 2],
      );
    expect(state.subjectNames(false)).toEqual([]);
    expect(state.subjectNames(true)).toEqual(['orders']);
    expect(state.schemaById(1)).toBe(V1.canonical); // ids still resolve
  });

  it('deletes a subject permanently only after a soft delete, with one tombstone per version', () => {
    given(...history)
      .when((s) => deleteSubject(s, 'orders', true))
      .thenThrows(40405);
    const state = given(...history, { kind: 'delete-subject', subject: 'orders', version: 2 })
      .when((s) => deleteSubject(s, 'orders', true))
      .thenWrites(
        [1, 2].map((version) => ({ kind: 'schema', subject: 'orders', version, value: null })),
        [1, 2],
      );
    expect(state.subjectNames(true)).toEqual([]);
    expect(state.schemaById(1)).toBeUndefined();
    expect(state.nextId()).toBe(3); // hard-deleted ids are not handed out again
  });

  it('answers Confluent’s codes for subjects that are missing or already soft-deleted', () => {
    given()
      .when((s) => deleteSubject(s, 'orders', false))
      .thenThrows(40401);
    given(...history, { kind: 'delete-subject', subject: 'orders', version: 2 })
      .when((s) => deleteSubject(s, 'orders', false))
      .thenThrows(40404);
  });

  it('soft-deletes a version by rewriting it with deleted: true, then permanently with a tombstone', () => {
    const state = given(...history)
      .when((s) => deleteVersion(s, 'orders', 1, false))
      .thenWrites([schemaRecord('orders', 1, 1, V1.canonical, true)], 1);
    expect(state.versions('orders', false).map((v) => v.version)).toEqual([2]);
    given(...history)
      .when((s) => deleteVersion(s, 'orders', 1, true))
      .thenThrows(40407);
    given(...history, schemaRecord('orders', 1, 1, V1.canonical, true))
      .when((s) => deleteVersion(s, 'orders', 1, false))
      .thenThrows(40406);
    given(...history, schemaRecord('orders', 1, 1, V1.canonical, true))
      .when((s) => deleteVersion(s, 'orders', 1, true))
      .thenWrites([{ kind: 'schema', subject: 'orders', version: 1, value: null }], 1);
    given(...history)
      .when((s) => deleteVersion(s, 'orders', 9, false))
      .thenThrows(40402);
    given(...history)
      .when((s) => deleteVersion(s, 'payments', 1, false))
      .thenThrows(40401);
  });

  it('takes "latest" to mean the latest live version for a soft delete', () => {
    given(...history, schemaRecord('orders', 2, 2, V2.canonical, true))
      .when((s) => deleteVersion(s, 'orders', LATEST, false))
      .thenWrites([schemaRecord('orders', 1, 1, V1.canonical, true)], 1);
    given(...history, { kind: 'delete-subject', subject: 'orders', version: 2 })
      .when((s) => deleteVersion(s, 'orders', LATEST, false))
      .thenThrows(40406);
  });

  it('drops the subject config with the last live version', () => {
    given(schemaRecord('orders', 1, 1), { kind: 'config', subject: 'orders', level: 'NONE' })
      .when((s) => deleteVersion(s, 'orders', LATEST, false))
      .thenWrites([
        schemaRecord('orders', 1, 1, V1.canonical, true),
        { kind: 'config', subject: 'orders', level: null },
      ]);
  });
});

describe('config', () => {
  it('sets and removes levels; removing one that is not there is a 40401', () => {
    const state = given()
      .when(() => setLevel('orders', 'FULL'))
      .thenWrites([{ kind: 'config', subject: 'orders', level: 'FULL' }], { compatibility: 'FULL' });
    expect(state.subjectLevel('orders')).toBe('FULL');
    given({ kind: 'config', subject: 'orders', level: 'FULL' })
      .when((s) => deleteSubjectLevel(s, 'orders'))
      .thenWrites([{ kind: 'config', subject: 'orders', level: null }], { compatibilityLevel: 'FULL' });
    given()
      .when((s) => deleteSubjectLevel(s, 'orders'))
      .thenThrows(40401);
    expect(given({ kind: 'config', subject: null, level: 'NONE' }).state.globalLevelOr('BACKWARD')).toBe('NONE');
  });
});
