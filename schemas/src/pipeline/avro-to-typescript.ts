import type { Type, types } from 'avsc';
import { eventTypeOf } from '../contracts/event-contract';

/** A record field as avsc parses it; its typings omit `doc`. */
type AvroField = types.Field & { doc?: string };

/** One member of a generated interface, ready to print. */
export interface Member {
  name: string;
  type: string;
  doc?: string;
  /** The default as a TypeScript literal, when the field has one that is plain JSON. */
  defaultLiteral?: string;
}

const NUMBERS = new Set(['int', 'long', 'float', 'double']);

/**
 * TypeScript for the values avsc produces with its default options, which is
 * how the serde decodes: `long` is a `number` (avsc refuses unsafe integers
 * rather than lose precision), `bytes` and `fixed` are `Buffer`s, unions are
 * plain values unless avsc must wrap them to tell branches apart (two records,
 * say), then `{ 'full.Name': value }`. Logical types without a registered
 * implementation decode as their underlying type, so they need no case here.
 *
 * Named types met on the way (nested records, enums) become declarations of
 * their own, by short name; two different types with one short name in one
 * module are refused rather than silently renamed.
 */
export class TypeScriptDeclarations {
  private readonly named = new Map<string, { fullName: string; code: string }>();

  constructor(private readonly reserved: ReadonlySet<string> = new Set()) {}

  /** Declarations of the nested named types, in the order they were met. */
  code(): string[] {
    return [...this.named.values()].map((n) => n.code);
  }

  members(record: types.RecordType): Member[] {
    return (record.fields as AvroField[]).map((field) => ({
      name: field.name,
      type: this.expression(field.type),
      doc: field.doc,
      defaultLiteral: literal(field.defaultValue()),
    }));
  }

  expression(type: Type): string {
    const kind = type.typeName;
    if (kind === 'null' || kind === 'boolean' || kind === 'string') return kind;
    if (NUMBERS.has(kind)) return 'number';
    if (kind === 'bytes' || kind === 'fixed') return 'Buffer';
    if (kind === 'array') return `Array<${this.expression((type as types.ArrayType).itemsType)}>`;
    if (kind === 'map') return `Record<string, ${this.expression((type as types.MapType).valuesType as Type)}>`;
    if (kind === 'enum') return this.declare(type, (name) => enumCode(name, type as types.EnumType));
    if (kind === 'record' || kind === 'error') {
      return this.declare(type, (name) => interfaceCode(name, type.doc, this.members(type as types.RecordType)));
    }
    if (kind === 'union:unwrapped')
      return (type as types.UnwrappedUnionType).types.map((t) => this.expression(t)).join(' | ');
    if (kind === 'union:wrapped') {
      return (type as types.WrappedUnionType).types
        .map((t) => (t.typeName === 'null' ? 'null' : `{ '${t.branchName}': ${this.expression(t)} }`))
        .join(' | ');
    }
    throw new Error(`no TypeScript mapping for Avro type ${kind}`);
  }

  private declare(type: Type, render: (name: string) => string): string {
    const fullName = type.name ?? '';
    // A named type's short name is taken as an event type's is.
    const name = eventTypeOf(fullName);
    const known = this.named.get(name);
    if (known && known.fullName !== fullName)
      throw new Error(`${known.fullName} and ${fullName} share the name ${name}`);
    if (this.reserved.has(name)) throw new Error(`${fullName} clashes with a generated name ${name}`);
    if (!known) {
      this.named.set(name, { fullName, code: '' }); // first, so a recursive record refers to itself
      this.named.set(name, { fullName, code: render(name) });
    }
    return name;
  }
}

export function interfaceCode(name: string, doc: string | undefined, members: Member[], optionalDefaults = false) {
  const lines = members.map((m) => {
    const optional = optionalDefaults && m.defaultLiteral !== undefined ? '?' : '';
    const defaultNote = m.defaultLiteral !== undefined ? `Default: ${m.defaultLiteral}.` : undefined;
    return `${docComment([m.doc, defaultNote])}${m.name}${optional}: ${m.type};`;
  });
  return `${docComment([doc])}export interface ${name} {\n${lines.join('\n')}\n}`;
}

function enumCode(name: string, type: types.EnumType): string {
  return `${docComment([type.doc])}export type ${name} = ${type.symbols.map((s) => `'${s}'`).join(' | ')};`;
}

/** A JSDoc block from the non-empty parts, or nothing. */
export function docComment(parts: Array<string | undefined>): string {
  const text = parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\*\//g, '*\\/');
  return text ? `/** ${text} */\n` : '';
}

/** Defaults holding bytes have no JSON literal that equals the decoded value, so such fields stay required. */
function literal(value: unknown): string | undefined {
  if (value === undefined || containsBuffer(value)) return undefined;
  return JSON.stringify(value);
}

function containsBuffer(value: unknown): boolean {
  if (Buffer.isBuffer(value)) return true;
  if (Array.isArray(value)) return value.some(containsBuffer);
  return typeof value === 'object' && value !== null && Object.values(value).some(containsBuffer);
}
