import { Schema, Type } from 'avsc';
import { invalidSchema } from './errors';

export interface ParsedSchema {
  /** The form we store and compare: equal for schemas that differ only in layout. */
  canonical: string;
  type: Type;
}

/**
 * Validates an Avro schema with avsc and returns its canonical form.
 *
 * Why not avsc's own `schema({ exportAttrs: true })`: it drops attributes avsc
 * has no implementation for, among them `logicalType` (unless a logical type
 * class is registered), custom properties such as `connect.name`, and enum
 * defaults. Deserializers in other languages read those from the registry, so
 * losing them would change what a schema means. Instead we walk the JSON the way
 * Java Avro's `Schema.toString()` does: keys in a fixed order, no whitespace,
 * `{"type":"string"}` written as `"string"`, names fully qualified (so
 * `namespace` moves into `name`), and every other attribute (doc, default,
 * aliases, order, logicalType, custom props) kept verbatim.
 */
export function parseAvroSchema(text: string): ParsedSchema {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidSchema(`Invalid schema ${text}, details: not valid JSON (${describe(error)})`);
  }
  let type: Type;
  try {
    type = Type.forSchema(json as Schema);
  } catch (error) {
    throw invalidSchema(`Invalid schema ${text}, details: ${describe(error)}`);
  }
  return { canonical: canonicalOf(json), type };
}

const typeCache = new Map<string, Type>();

/** The avsc type of a schema already in the log (parsed once, then cached by its text). */
export function typeOfStoredSchema(schema: string): Type {
  let type = typeCache.get(schema);
  if (!type) {
    type = Type.forSchema(JSON.parse(schema) as Schema);
    typeCache.set(schema, type);
  }
  return type;
}

const canonicalCache = new Map<string, string>();

/**
 * Canonical text of a schema read from the log (ours are canonical already; one
 * written by Confluent is in Java's layout). Falls back to the text itself when
 * it does not parse.
 */
export function canonicalText(schema: string): string {
  let canonical = canonicalCache.get(schema);
  if (canonical === undefined) {
    try {
      canonical = canonicalOf(JSON.parse(schema));
    } catch {
      canonical = schema;
    }
    canonicalCache.set(schema, canonical);
  }
  return canonical;
}

function canonicalOf(json: unknown): string {
  const rewritten = JSON.stringify(canonicalType(json, ''));
  // Belt and braces: should the rewrite ever yield something avsc rejects (an
  // exotic null-namespace corner), keep the schema minified but otherwise as sent.
  try {
    Type.forSchema(JSON.parse(rewritten) as Schema);
    return rewritten;
  } catch {
    return JSON.stringify(json);
  }
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);
const TYPE_KEYS = ['type', 'name', 'doc', 'fields', 'symbols', 'items', 'values', 'size', 'default', 'aliases'];
const FIELD_KEYS = ['name', 'type', 'doc', 'default', 'order', 'aliases'];
/** Keys whose values are schemas we already canonicalised, so they keep their own key order. */
const SCHEMA_VALUED = new Set(['type', 'fields', 'items', 'values']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonicalType(node: unknown, namespace: string): Json {
  if (typeof node === 'string') return qualify(node, namespace);
  if (Array.isArray(node)) return node.map((branch) => canonicalType(branch, namespace));
  if (!isObject(node)) return node as Json;
  const { type } = node;
  if (typeof type !== 'string') return ordered({ ...node, type: canonicalType(type, namespace) }, TYPE_KEYS);
  if (NAMED.has(type)) {
    const ownNamespace = typeof node.namespace === 'string' ? node.namespace : namespace;
    const name = qualify(String(node.name), ownNamespace);
    const inner = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    const { namespace: _dropped, ...rest } = node;
    const fields = Array.isArray(node.fields) ? node.fields.map((f) => canonicalField(f, inner)) : undefined;
    return ordered({ ...rest, name, ...(fields ? { fields } : {}) }, TYPE_KEYS);
  }
  if (type === 'array') return ordered({ ...node, items: canonicalType(node.items, namespace) }, TYPE_KEYS);
  if (type === 'map') return ordered({ ...node, values: canonicalType(node.values, namespace) }, TYPE_KEYS);
  const name = qualify(type, namespace);
  return Object.keys(node).length === 1 ? name : ordered({ ...node, type: name }, TYPE_KEYS);
}

function canonicalField(field: unknown, namespace: string): Json {
  if (!isObject(field)) return field as Json;
  return ordered({ ...field, type: canonicalType(field.type, namespace) }, FIELD_KEYS);
}

function qualify(name: string, namespace: string): string {
  if (PRIMITIVES.has(name) || name.includes('.') || namespace === '') return name;
  return `${namespace}.${name}`;
}

/** Known keys first in a fixed order, then the rest alphabetically; plain values get sorted keys too. */
function ordered(node: Record<string, unknown>, known: readonly string[]): Json {
  const rest = Object.keys(node)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, Json> = {};
  for (const key of [...known.filter((k) => k in node), ...rest]) {
    const value = node[key];
    if (value === undefined) continue;
    out[key] = SCHEMA_VALUED.has(key) ? (value as Json) : sortedDeep(value);
  }
  return out;
}

function sortedDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isObject(value)) return value as Json;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedDeep(value[k])]),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
