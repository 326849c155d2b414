import { Schema, Type } from 'avsc';
import { checkCompatibility, CompatibilityLevel, parseCompatibilityLevel } from '../src/registry/compatibility';

const order = (...fields: object[]) =>
  Type.forSchema({ type: 'record', name: 'Order', namespace: 'hexfleet.test', fields } as Schema);
const id = { name: 'id', type: 'string' };
const qty = { name: 'qty', type: 'int' };
const qtyWithDefault = { name: 'qty', type: 'int', default: 0 };
const note = { name: 'note', type: 'string' };
const noteWithDefault = { name: 'note', type: 'string', default: '' };

const history = (...types: Type[]) =>
  types.map((type, i) => ({ version: i + 1, schema: JSON.stringify(type.schema()), type }));
const compatible = (level: CompatibilityLevel, candidate: Type, previous: ReturnType<typeof history>) =>
  checkCompatibility(level, candidate, previous).length === 0;

describe('checkCompatibility', () => {
  it('lets anything through under NONE, and anything at all against an empty subject', () => {
    const changedType = order({ name: 'id', type: 'int' });
    expect(compatible('NONE', changedType, history(order(id)))).toBe(true);
    expect(compatible('FULL_TRANSITIVE', changedType, [])).toBe(true);
  });

  it('BACKWARD: the new schema must read data written with the latest one', () => {
    const latest = history(order(id));
    expect(compatible('BACKWARD', order(id, noteWithDefault), latest)).toBe(true);
    expect(compatible('BACKWARD', order(), latest)).toBe(true); // dropping a field: the new reader ignores it
    expect(compatible('BACKWARD', order(id, note), latest)).toBe(false); // a new field with no default
  });

  it('FORWARD: the latest schema must read data written with the new one', () => {
    const latest = history(order(id, qty));
    expect(compatible('FORWARD', order(id, qty, note), latest)).toBe(true); // the old reader ignores note
    expect(compatible('FORWARD', order(id), latest)).toBe(false); // the old reader needs qty
  });

  it('FULL: both directions', () => {
    const latest = history(order(id, qtyWithDefault));
    expect(compatible('FULL', order(id, qtyWithDefault, noteWithDefault), latest)).toBe(true);
    expect(compatible('FULL', order(id), latest)).toBe(true); // qty has a default both ways
    expect(compatible('FULL', order(id, qtyWithDefault, note), latest)).toBe(false);
  });

  it('non-transitive levels look at the latest version only; transitive ones at every version', () => {
    const backwardHistory = history(order(id), order(id, noteWithDefault));
    expect(compatible('BACKWARD', order(id, note), backwardHistory)).toBe(true);
    expect(compatible('BACKWARD_TRANSITIVE', order(id, note), backwardHistory)).toBe(false);

    const forwardHistory = history(order(id, qty), order(id, qtyWithDefault));
    expect(compatible('FORWARD', order(id), forwardHistory)).toBe(true);
    expect(compatible('FORWARD_TRANSITIVE', order(id), forwardHistory)).toBe(false);
    expect(compatible('FULL', order(id), forwardHistory)).toBe(true);
    expect(compatible('FULL_TRANSITIVE', order(id), forwardHistory)).toBe(false);
    expect(compatible('FULL_TRANSITIVE', order(id, qtyWithDefault, noteWithDefault), forwardHistory)).toBe(true);
  });

  it('follows Avro resolution for promotions, enums and unions', () => {
    const num = (type: unknown) => order({ name: 'n', type });
    expect(compatible('BACKWARD', num('long'), history(num('int')))).toBe(true); // int promotes to long
    expect(compatible('BACKWARD', num('int'), history(num('long')))).toBe(false);
    const color = (symbols: string[], extra = {}) => num({ type: 'enum', name: 'Color', symbols, ...extra });
    expect(compatible('BACKWARD', color(['RED']), history(color(['RED', 'BLUE'])))).toBe(false);
    expect(compatible('BACKWARD', color(['RED', 'X'], { default: 'RED' }), history(color(['RED', 'BLUE'])))).toBe(true);
    expect(compatible('BACKWARD', num(['null', 'string', 'int']), history(num(['null', 'string'])))).toBe(true);
    expect(compatible('BACKWARD', num(['null', 'string']), history(num(['null', 'string', 'int'])))).toBe(false);
  });

  it('says which version broke and under which level', () => {
    const messages = checkCompatibility(
      'BACKWARD_TRANSITIVE',
      order(id, note),
      history(order(id), order(id, noteWithDefault)),
    );
    expect(messages.join('\n')).toMatch(/version 1/);
    expect(messages).toContain('{oldSchemaVersion: 1}');
    expect(messages).toContain("{compatibility: 'BACKWARD_TRANSITIVE'}");
  });
});

describe('parseCompatibilityLevel', () => {
  it('accepts the seven levels in any case and refuses anything else with 42203', () => {
    expect(parseCompatibilityLevel('full_transitive')).toBe('FULL_TRANSITIVE');
    expect(() => parseCompatibilityLevel('SOMETIMES')).toThrow(expect.objectContaining({ errorCode: 42203 }));
    expect(() => parseCompatibilityLevel(undefined)).toThrow(expect.objectContaining({ httpStatus: 422 }));
  });
});
