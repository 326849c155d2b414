import { Type } from 'avsc';
import { canonicalText, parseAvroSchema } from '../src/registry/avro-schema';

const canonical = (schema: unknown) => parseAvroSchema(JSON.stringify(schema)).canonical;

describe('parseAvroSchema', () => {
  it('gives the same canonical form whatever the whitespace and key order', () => {
    const a = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}';
    const b = '{ "fields" : [ { "type" : "string", "name" : "id" } ],\n  "name" : "Order", "type" : "record" }';
    expect(parseAvroSchema(a).canonical).toBe(parseAvroSchema(b).canonical);
  });

  it('writes a bare primitive as its name and qualifies names with their namespace', () => {
    expect(canonical({ type: 'string' })).toBe('"string"');
    const split = {
      type: 'record',
      name: 'Order',
      namespace: 'hexfleet.test',
      fields: [
        { name: 'c', type: { type: 'enum', name: 'Color', symbols: ['RED'] } },
        { name: 'd', type: 'Color' },
      ],
    };
    const qualified = {
      type: 'record',
      name: 'hexfleet.test.Order',
      fields: [
        { name: 'c', type: { type: 'enum', name: 'hexfleet.test.Color', symbols: ['RED'] } },
        { name: 'd', type: 'hexfleet.test.Color' },
      ],
    };
    expect(canonical(split)).toBe(canonical(qualified));
  });

  it('keeps what clients in other languages rely on: logical types, docs, defaults, aliases, custom properties', () => {
    const text = canonical({
      type: 'record',
      name: 'Order',
      doc: 'an order',
      aliases: ['OldOrder'],
      'connect.name': 'Order',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'when' },
        {
          name: 'color',
          type: { type: 'enum', name: 'Color', symbols: ['RED', 'BLUE'], default: 'RED' },
          default: 'BLUE',
        },
        { name: 'note', type: ['null', 'string'], default: null, aliases: ['remark'] },
      ],
    });
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ doc: 'an order', aliases: ['OldOrder'], 'connect.name': 'Order' });
    expect(parsed.fields[0]).toEqual({
      name: 'at',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'when',
    });
    expect(parsed.fields[1].type.default).toBe('RED');
    expect(parsed.fields[2]).toEqual({ name: 'note', type: ['null', 'string'], default: null, aliases: ['remark'] });
  });

  it('is a fixed point, and canonicalText agrees with it for stored schemas', () => {
    const once = canonical({
      type: 'record',
      name: 'R',
      namespace: 'n',
      fields: [{ type: 'int', name: 'a', default: 1 }],
    });
    expect(parseAvroSchema(once).canonical).toBe(once);
    expect(canonicalText(once)).toBe(once);
    expect(
      Type.forSchema(JSON.parse(once)).equals(
        Type.forSchema({ type: 'record', name: 'n.R', fields: [{ name: 'a', type: 'int' }] }),
      ),
    ).toBe(true);
  });

  it.each([
    ['not JSON', '{"type":'],
    ['an unknown type', '{"type":"decimalish"}'],
    ['a record without fields', '{"type":"record","name":"R"}'],
    ['a bad default', '{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}'],
    ['an undefined name', '{"type":"record","name":"R","fields":[{"name":"a","type":"Missing"}]}'],
  ])('refuses %s with 42201', (_case, text) => {
    expect(() => parseAvroSchema(text)).toThrow(expect.objectContaining({ httpStatus: 422, errorCode: 42201 }));
  });
});
