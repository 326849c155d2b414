// Bad requests for every operation of a service, derived from its OpenAPI document,
// so an endpoint added later is walked too. Each case breaks exactly one thing of an
// otherwise valid request (a path id, a query parameter, a body field, the body itself)
// and says which field the problem must name.

import type { Reply } from './service-under-test';

export type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};
export type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface BadInputCase {
  /** `POST /loans/{loanId}/return` */
  operation: string;
  method: string;
  /** The concrete path, query string included. */
  path: string;
  /** A JSON value, or a string sent as it is (malformed JSON). */
  body?: unknown;
  /** The field the problem must name; '' when there is none (the body is not JSON at all). */
  field: string;
  why: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const EXAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

/** The document a service serves at `/openapi.json`, from its reply, checked to be one. */
export function openApiOf(reply: Reply): OpenApiDocument {
  const isDocument = (body: object): body is OpenApiDocument => 'paths' in body && typeof body.paths === 'object';
  if (reply.status !== 200 || !isDocument(reply.body)) {
    throw new Error(`expected the OpenAPI document, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/**
 * A well-formed value for each schema of `document`: its example where it has one, else the
 * simplest value its type and bounds allow. What bad-input cases break one field of, and what
 * the tenant-isolation sweep sends.
 */
export function schemaValues(document: OpenApiDocument) {
  const resolve = (schema: Schema = {}): Schema => {
    if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
    if (!schema.$ref) return schema;
    const name = schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
    return resolve(document.components?.schemas?.[name]);
  };
  const valid = (raw: Schema | undefined, forceObject = false): unknown => {
    const schema = resolve(raw);
    if (schema.properties) {
      if (!forceObject && schema.example !== undefined) return schema.example;
      return Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, valid(s)]));
    }
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.format === 'uuid') return EXAMPLE_UUID;
    if (schema.format === 'date') return '2026-03-10';
    if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
    if (schema.type === 'boolean') return true;
    if (schema.type === 'array') return [];
    return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  };
  return { resolve, valid };
}

/** Every operation's bad cases; `ids` fills path parameters by name (every name must be there). */
export function badInputCases(document: OpenApiDocument, ids: Record<string, string>) {
  const { resolve, valid } = schemaValues(document);

  const cases: BadInputCase[] = [];
  const operations: string[] = [];
  const inputless: string[] = [];
  for (const [template, byMethod] of Object.entries(document.paths)) {
    for (const method of METHODS.filter((m) => byMethod[m])) {
      const op = byMethod[method];
      const operation = `${method.toUpperCase()} ${template}`;
      operations.push(operation);
      const params = op.parameters ?? [];
      const query = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const validQuery = Object.fromEntries(query.filter((p) => p.required).map((p) => [p.name, valid(p.schema)]));
      const validBody = bodySchema ? valid(bodySchema, true) : undefined;
      const at = (pathIds: Record<string, string>, q: Record<string, unknown>) => {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          if (!(name in pathIds)) throw new Error(`${operation}: no id given for path parameter ${name}`);
          return encodeURIComponent(pathIds[name]);
        });
        const search = new URLSearchParams(
          Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString();
        return search ? `${path}?${search}` : path;
      };
      const before = cases.length;
      const add = (c: Omit<BadInputCase, 'operation' | 'method'>) => cases.push({ operation, method, ...c });

      for (const p of params.filter((p) => p.in === 'path')) {
        add({
          path: at({ ...ids, [p.name]: 'not-a-uuid' }, validQuery),
          body: validBody,
          field: p.name,
          why: 'not a UUID',
        });
      }
      for (const p of query) {
        for (const [value, why] of badValues(resolve(p.schema), true)) {
          add({ path: at(ids, { ...validQuery, [p.name]: value }), body: validBody, field: p.name, why });
        }
      }
      if (bodySchema) {
        const path = at(ids, validQuery);
        add({ path, body: '{"broken": ', field: '', why: 'malformed JSON' });
        add({ path, body: [validBody], field: '', why: 'an array, not an object' });
        add({
          path,
          body: { ...(validBody as object), unexpectedField: 1 },
          field: 'unexpectedField',
          why: 'unknown field',
        });
        walkBody(resolve(bodySchema), '', (field, mutate, why) =>
          add({ path, body: mutate(structuredClone(validBody) as Record<string, unknown>), field, why }),
        );
      }
      if (cases.length === before) inputless.push(operation);
    }
  }
  return { cases, operations, inputless };

  /** Each property of an object schema: missing (when required), and each bad value; nested objects too. */
  function walkBody(
    schema: Schema,
    prefix: string,
    emit: (field: string, mutate: (body: Record<string, unknown>) => unknown, why: string) => void,
  ) {
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const field = prefix ? `${prefix}.${name}` : name;
      const setter = (value: unknown) => (body: Record<string, unknown>) => {
        const parent = field
          .split('.')
          .slice(0, -1)
          .reduce<Record<string, unknown>>((o, k) => o[k] as never, body);
        if (value === undefined) delete parent[name];
        else parent[name] = value;
        return body;
      };
      if (schema.required?.includes(name)) emit(field, setter(undefined), 'missing');
      const property = resolve(raw);
      for (const [value, why] of badValues(property, false)) emit(field, setter(value), why);
      if (property.properties) {
        // Nested fields are broken inside a valid object (even where the example is null).
        const inner = valid(raw, true) as Record<string, unknown>;
        walkBody(property, field, (f, mutate, why) =>
          emit(f, (body) => mutate(setter(structuredClone(inner))(body) as Record<string, unknown>), why),
        );
      }
    }
  }
}

/** Values a field of this schema must refuse; `asQuery`: every value arrives as a string. */
function badValues(schema: Schema, asQuery: boolean): Array<[unknown, string]> {
  const bad: Array<[unknown, string]> = [];
  const type = schema.properties ? 'object' : schema.type;
  if (type === 'integer' || type === 'number') {
    bad.push(['abc', 'not a number']);
    if (type === 'integer') bad.push([1.5, 'not an integer']);
    if (schema.minimum !== undefined) bad.push([schema.minimum - 1, 'below the minimum']);
    if (schema.maximum !== undefined) bad.push([schema.maximum + 1, 'above the maximum']);
  } else if (type === 'boolean') {
    bad.push(['maybe', 'not a boolean']);
  } else if (type === 'array') {
    if (!asQuery) bad.push(['not-an-array', 'not an array']);
    if (schema.maxItems !== undefined) {
      const item = schema.items?.example ?? (schema.items?.type === 'string' ? 'x' : 1);
      bad.push([Array.from({ length: schema.maxItems + 1 }, () => item), 'too many items']);
    }
    for (const [value, why] of badValues(schema.items ?? {}, false)) bad.push([[value], `an item ${why}`]);
  } else if (type === 'object') {
    bad.push(['not-an-object', 'not an object']);
  } else if (type === 'string') {
    if (!asQuery) bad.push([12345, 'not a string']);
    if (schema.format === 'uuid') bad.push(['not-a-uuid', 'not a UUID']);
    if (schema.format === 'date') bad.push(['2026-02-30', 'no such day']);
    if (schema.enum) bad.push(['not-one-of-them', 'not in the enum']);
    if (schema.pattern) bad.push(['!', 'not matching the pattern']);
    if (schema.minLength) bad.push(['', 'too short']);
    if (schema.maxLength !== undefined) bad.push(['x'.repeat(schema.maxLength + 1), 'too long']);
  }
  return bad;
}

/** Whether a problem+json body names the field (400 `errors[].field`, or a DomainError's `field` detail). */
export function problemNames(body: Record<string, unknown>, field: string): boolean {
  if (field === '') return true;
  const errors = (body.errors as Array<{ field: string }> | undefined) ?? [];
  const last = field.slice(field.lastIndexOf('.') + 1);
  return errors.some((e) => e.field === field) || body.field === field || body.field === last;
}

/**
 * Sends every case (one at a time: each must meet the service's state as the
 * others left it, which is unchanged) and lists those not answered 400 or 422
 * problem+json naming their field, with the tally of statuses.
 */
export async function sendBadInputs(
  cases: readonly BadInputCase[],
  send: (c: BadInputCase) => Promise<Reply>,
): Promise<{ failures: string[]; statuses: Record<string, number> }> {
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  for (const c of cases) {
    const reply = await send(c);
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    const problem = reply.headers.get('content-type')?.includes('application/problem+json');
    if (![400, 422].includes(reply.status) || !problem || !problemNames(reply.body, c.field)) {
      const what = `${c.operation} [${c.field || 'body'}: ${c.why}]`;
      failures.push(`${what} -> ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
    }
  }
  return { failures, statuses };
}
