import { randomUUID } from 'node:crypto';
import type { Reply } from '@hexfleet/testing';

/**
 * Malformed and out-of-range requests derived from a service's own
 * /openapi.json: for every operation, every documented constraint of every
 * path parameter, query parameter and body field is broken once, each in an
 * otherwise valid request. A new endpoint or field is walked without anyone
 * listing it; one whose constraints are not documented fails the walk.
 */
export interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: Schema }>;
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A service's `/openapi.json` as the walker reads it: anything without `paths` is no OpenAPI document. */
export function openApiOf(body: unknown): OpenApi {
  if (typeof body !== 'object' || body === null || !('paths' in body)) throw new Error('not an OpenAPI document');
  return body as OpenApi;
}

export interface BadRequest {
  /** `POST /employees/{id}/promotions`. */
  operation: string;
  /** The field the answer must name (a body path such as `lines.0.code`, or a parameter). */
  field: string;
  what: string;
  method: string;
  path: string;
  /** A JSON value, or a string sent as it is (a body that is not JSON). */
  body?: unknown;
}

const NOT_MATCHING = ['x', 'not valid', '2026-13', '9999-99-99', 'abc_DEF', 'ZZ'];

/** Values a field's schema refuses, each with what it breaks. */
function badValues(schema: Schema, inText: boolean): Array<{ what: string; value: unknown }> {
  const bad: Array<{ what: string; value: unknown }> = [];
  const type = schema.type ?? (schema.enum ? 'string' : undefined);
  if (type === 'string') {
    if (!inText) bad.push({ what: 'a number for text', value: 12345 });
    if (schema.format === 'uuid') bad.push({ what: 'not a UUID', value: 'not-a-uuid' });
    if (schema.format === 'date') bad.push({ what: 'a day that does not exist', value: '2026-02-30' });
    if (schema.format === 'date') bad.push({ what: 'not a date', value: '30/04/2026' });
    if (schema.format === 'email') bad.push({ what: 'not an email', value: 'not-an-email' });
    if (schema.enum) bad.push({ what: 'not one of the choices', value: 'not-a-choice' });
    if (schema.pattern) {
      const value = NOT_MATCHING.find((v) => !new RegExp(schema.pattern as string).test(v));
      bad.push({ what: `not matching ${schema.pattern}`, value });
    }
    if (schema.maxLength !== undefined)
      bad.push({ what: `longer than ${schema.maxLength}`, value: 'x'.repeat(schema.maxLength + 1) });
    if (schema.minLength) bad.push({ what: 'empty', value: '' });
  } else if (type === 'integer' || type === 'number') {
    bad.push({ what: 'not a number', value: inText ? 'abc' : '12' });
    if (type === 'integer') bad.push({ what: 'a fraction', value: 1.5 });
    if (schema.multipleOf) bad.push({ what: `not a multiple of ${schema.multipleOf}`, value: schema.multipleOf * 0.6 });
    if (schema.minimum !== undefined) bad.push({ what: 'below the minimum', value: schema.minimum - 1 });
    if (schema.maximum !== undefined) bad.push({ what: 'above the maximum', value: schema.maximum + 1 });
  } else if (type === 'boolean') {
    bad.push({ what: 'not a boolean', value: 'yes' });
  } else if (type === 'array') {
    bad.push({ what: 'not a list', value: 'not-a-list' });
  }
  const constrained = schema.format || schema.pattern || schema.enum || schema.maxLength !== undefined;
  if (type === 'string' && !constrained) throw new Error(`unbounded text: document a maxLength, format or pattern`);
  if (type === undefined) throw new Error(`no type documented`);
  return bad;
}

export class RequestWalker {
  constructor(
    private readonly doc: OpenApi,
    /** Valid values for path parameters by name, e.g. an employee that exists. */
    private readonly pathValues: Record<string, string>,
  ) {}

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const found = this.doc.components?.schemas?.[schema.$ref.split('/').pop() as string];
    if (!found) throw new Error(`unresolved ${schema.$ref}`);
    return found;
  }

  /** A value the schema accepts: its example, else one built from its type. */
  valid(schema: Schema): unknown {
    const s = this.resolve(schema);
    if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, this.valid(v)]));
    if (s.example !== undefined) return s.example;
    if (s.enum) return s.enum[0];
    if (s.type === 'array') return [this.valid(s.items as Schema)];
    if (s.format === 'uuid') return randomUUID();
    if (s.format === 'date') return '2026-04-01';
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return true;
    if (s.pattern) throw new Error(`a field with pattern ${s.pattern} needs an example`);
    return 'x';
  }

  /** Every malformed request for every operation of the document. */
  requests(): BadRequest[] {
    const all: BadRequest[] = [];
    for (const [template, operations] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const operation = `${method.toUpperCase()} ${template}`;
        try {
          all.push(...this.forOperation(operation, method.toUpperCase(), template, op));
        } catch (error) {
          throw new Error(`${operation}: ${(error as Error).message}`);
        }
      }
    }
    return all;
  }

  /** Operations that take no input at all (nothing to malform). */
  inputless(): string[] {
    return Object.entries(this.doc.paths).flatMap(([template, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => !op.parameters?.length && !op.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${template}`),
    );
  }

  private forOperation(operation: string, method: string, template: string, op: Operation): BadRequest[] {
    const params = op.parameters ?? [];
    const pathOf = (override: Record<string, string> = {}) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(override[name] ?? this.pathValues[name] ?? String(this.valid(paramSchema(name)))),
      );
    const paramSchema = (name: string) => params.find((p) => p.name === name)?.schema as Schema;
    const queryOf = (override: Record<string, unknown> = {}, without?: string) => {
      const query = new URLSearchParams();
      for (const p of params.filter((p) => p.in === 'query' && p.required && p.name !== without))
        query.set(p.name, String(this.valid(p.schema)));
      for (const [name, value] of Object.entries(override)) query.set(name, String(value));
      const text = query.toString();
      return text ? `?${text}` : '';
    };
    const bodySchema = op.requestBody && this.resolve(op.requestBody.content['application/json'].schema);
    const body = bodySchema ? this.valid(bodySchema) : undefined;
    const request = (field: string, what: string, path: string, sent: unknown = body): BadRequest => ({
      operation,
      field,
      what,
      method,
      path,
      ...(sent === undefined ? {} : { body: sent }),
    });

    const out: BadRequest[] = [];
    for (const p of params) {
      const bad = badValues(p.schema, true);
      if (!bad.length) throw new Error(`parameter ${p.name}: nothing documented to break`);
      for (const { what, value } of bad) {
        const path =
          p.in === 'path' ? pathOf({ [p.name]: String(value) }) + queryOf() : pathOf() + queryOf({ [p.name]: value });
        out.push(request(p.name, what, path));
      }
      if (p.in === 'query' && p.required) out.push(request(p.name, 'missing', pathOf() + queryOf({}, p.name)));
    }
    if (params.some((p) => p.in === 'query'))
      out.push(request('unexpectedField', 'an unknown parameter', pathOf() + queryOf({ unexpectedField: 1 })));
    if (bodySchema) {
      const path = pathOf() + queryOf();
      out.push(...this.bodyCases(bodySchema, body as Record<string, unknown>, '', (f, w, b) => request(f, w, path, b)));
      out.push(request('', 'a body that is not JSON', path, '{"broken": '));
      out.push(request('', 'an empty body said to be JSON', path, ''));
      out.push(request('body', 'JSON null for an object', path, 'null'));
      out.push(request('body', 'a JSON list for an object', path, '[]'));
      out.push(request('body', 'a JSON string for an object', path, '"text"'));
      out.push(request('unexpectedField', 'an unknown field', path, { ...(body as object), unexpectedField: 1 }));
    }
    return out;
  }

  /** Each property of an object body broken in turn; nested lists of objects through their first item. */
  private bodyCases(
    schema: Schema,
    base: Record<string, unknown>,
    prefix: string,
    make: (field: string, what: string, body: unknown) => BadRequest,
  ): BadRequest[] {
    const out: BadRequest[] = [];
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const field = `${prefix}${name}`;
      const property = this.resolve(raw);
      const withValue = (value: unknown) => ({ ...base, [name]: value });
      for (const { what, value } of badValues(property, false)) out.push(make(field, what, withValue(value)));
      if (schema.required?.includes(name)) {
        const { [name]: _missing, ...rest } = base;
        out.push(make(field, 'missing', rest));
      }
      const items = property.items && this.resolve(property.items);
      if (property.type === 'array' && items?.properties) {
        const first = this.valid(items) as Record<string, unknown>;
        const nested = (f: string, what: string, item: unknown) => make(f, what, withValue([item]));
        out.push(...this.bodyCases(items, first, `${field}.0.`, nested));
        if (property.maxItems !== undefined)
          out.push(make(field, 'too many items', withValue(Array(property.maxItems + 1).fill(first))));
        if (property.minItems) out.push(make(field, 'no items', withValue([])));
      }
    }
    return out;
  }
}

/** The answer a bad request must get: 400 or 422 problem+json that names the field. */
export function refusal(reply: Reply, field: string): string | undefined {
  const type = reply.headers.get('content-type') ?? '';
  if (![400, 422].includes(reply.status)) return `answered ${reply.status} ${JSON.stringify(reply.body)}`;
  if (!type.startsWith('application/problem+json')) return `answered ${type}`;
  const errors = (reply.body.errors ?? []) as Array<{ field: string }>;
  const named = !field || errors.some((e) => e.field === field) || reply.body.field === field || field in reply.body;
  return named ? undefined : `did not name ${field}: ${JSON.stringify(reply.body)}`;
}
