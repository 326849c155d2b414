import { Schema, Type, types } from 'avsc';
import { TypeScriptDeclarations } from '../src/pipeline/avro-to-typescript';

const record = (fields: object[], name = 'Sample') =>
  Type.forSchema({ type: 'record', name, namespace: 'hexfleet.test', fields } as Schema) as types.RecordType;
const typeOf = (type: unknown) => new TypeScriptDeclarations().expression(Type.forSchema(type as Schema));

describe('Avro to TypeScript, as avsc decodes by default', () => {
  it('maps primitives: long is a number, bytes a Buffer', () => {
    expect(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'].map(typeOf)).toEqual([
      'null',
      'boolean',
      'number',
      'number',
      'number',
      'number',
      'Buffer',
      'string',
    ]);
    expect(typeOf({ type: 'fixed', name: 'Hash', size: 4 })).toBe('Buffer');
    expect(typeOf({ type: 'long', logicalType: 'timestamp-millis' })).toBe('number');
  });

  it('maps arrays, maps, and unions avsc leaves unwrapped', () => {
    expect(typeOf({ type: 'array', items: 'string' })).toBe('Array<string>');
    expect(typeOf({ type: 'map', values: ['null', 'long'] })).toBe('Record<string, null | number>');
    expect(typeOf(['null', 'string'])).toBe('null | string');
  });

  it('wraps union branches avsc cannot tell apart, keyed by their full name', () => {
    const union = [
      'null',
      { type: 'record', name: 'hexfleet.test.A', fields: [] },
      { type: 'record', name: 'hexfleet.test.B', fields: [] },
    ];
    expect(typeOf(union)).toBe("null | { 'hexfleet.test.A': A } | { 'hexfleet.test.B': B }");
  });

  it('declares nested records and enums once, by short name, with their docs and defaults', () => {
    const declarations = new TypeScriptDeclarations();
    const kind = { type: 'enum', name: 'Kind', symbols: ['CASH', 'CARD'], doc: 'How it was paid.' };
    const line = {
      type: 'record',
      name: 'Line',
      fields: [
        { name: 'sku', type: 'string' },
        { name: 'kind', type: 'Kind' },
      ],
    };
    const members = declarations.members(
      record([
        { name: 'kind', type: kind, default: 'CASH' },
        { name: 'lines', type: { type: 'array', items: line } },
        { name: 'first', type: ['null', 'Line'], default: null, doc: 'The first line, if any.' },
        { name: 'raw', type: 'bytes', default: '' },
      ]),
    );
    expect(members).toEqual([
      { name: 'kind', type: 'Kind', doc: undefined, defaultLiteral: '"CASH"' },
      { name: 'lines', type: 'Array<Line>', doc: undefined, defaultLiteral: undefined },
      { name: 'first', type: 'null | Line', doc: 'The first line, if any.', defaultLiteral: 'null' },
      { name: 'raw', type: 'Buffer', doc: undefined, defaultLiteral: undefined }, // bytes: no literal equals the Buffer
    ]);
    expect(declarations.code()).toEqual([
      "/** How it was paid. */\nexport type Kind = 'CASH' | 'CARD';",
      'export interface Line {\nsku: string;\nkind: Kind;\n}',
    ]);
  });

  it('handles a recursive record, and refuses two types that would share one name', () => {
    const tree = record([{ name: 'children', type: { type: 'array', items: 'Node' } }], 'Node');
    const declarations = new TypeScriptDeclarations();
    expect(declarations.expression(tree)).toBe('Node');
    expect(declarations.code()).toEqual(['export interface Node {\nchildren: Array<Node>;\n}']);

    const clash = [
      { type: 'enum', name: 'a.Status', symbols: ['X'] },
      { type: 'enum', name: 'b.Status', symbols: ['Y'] },
    ];
    expect(() => typeOf(clash)).toThrow('a.Status and b.Status share the name Status');
    expect(() =>
      new TypeScriptDeclarations(new Set(['Kind'])).expression(
        Type.forSchema({ type: 'enum', name: 'x.Kind', symbols: ['A'] }),
      ),
    ).toThrow('clashes with a generated name');
  });
});
