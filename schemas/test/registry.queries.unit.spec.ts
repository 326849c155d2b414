import { getVersion, lookUpSchema, testCompatibility } from '../src/registry/registry.queries';
import { LATEST } from '../src/registry/state';
import { BREAKING, given, schemaRecord, V1, V2 } from './support/given';

describe('queries', () => {
  const { state } = given(schemaRecord('orders', 1, 1), schemaRecord('orders', 2, 2, V2.canonical, true));

  it('finds versions, hiding soft-deleted ones unless asked', () => {
    expect(getVersion(state, 'orders', LATEST, false)).toMatchObject({ version: 1, id: 1 });
    expect(getVersion(state, 'orders', LATEST, true)).toMatchObject({ version: 2, id: 2 });
    expect(() => getVersion(state, 'orders', 2, false)).toThrow(expect.objectContaining({ errorCode: 40402 }));
    expect(() => getVersion(state, 'payments', 1, false)).toThrow(expect.objectContaining({ errorCode: 40401 }));
  });

  it('looks schemas up by content', () => {
    expect(lookUpSchema(state, 'orders', V1, false)).toEqual({
      subject: 'orders',
      version: 1,
      id: 1,
      schema: V1.canonical,
    });
    expect(() => lookUpSchema(state, 'orders', V2, false)).toThrow(expect.objectContaining({ errorCode: 40403 }));
    expect(lookUpSchema(state, 'orders', V2, true)).toMatchObject({ version: 2 });
  });

  it('tests compatibility against one version, or against what registering would check', () => {
    expect(testCompatibility(state, 'orders', 1, BREAKING, 'BACKWARD')).not.toEqual([]);
    expect(testCompatibility(state, 'new-subject', LATEST, BREAKING, 'BACKWARD')).toEqual([]);
    expect(() => testCompatibility(state, 'orders', 2, V1, 'BACKWARD')).toThrow(
      expect.objectContaining({ errorCode: 40402 }),
    );
    expect(testCompatibility(state, 'orders', undefined, V2, 'BACKWARD')).toEqual([]);
  });
});
