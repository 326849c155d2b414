import { randomUUID } from 'node:crypto';
import { Type } from 'avsc';

/**
 * Helpers for the conformance suite, which speaks to a registry only over HTTP
 * so that it can be pointed, unchanged, at Confluent Schema Registry.
 */

export const V1_JSON = 'application/vnd.schemaregistry.v1+json';

export function registryUrl(): string {
  const url = process.env.SCHEMA_REGISTRY_URL;
  if (!url)
    throw new Error('SCHEMA_REGISTRY_URL is not set; the integration test harness (or you) must provide a registry');
  return url.replace(/\/$/, '');
}

export interface Answer {
  status: number;
  // Registry answers are JSON of many shapes; tests pick them apart.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export function registryHttp(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, contentType = V1_JSON): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { Accept: V1_JSON } : { Accept: V1_JSON, 'Content-Type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // a raw, non-JSON body: keep the text
    }
    return { status: response.status, body: parsed };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, contentType?: string) => call('POST', path, body, contentType),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

export type RegistryHttp = ReturnType<typeof registryHttp>;

/** Names unique to one run, so parallel runs against one registry never meet. */
export function runNames() {
  const run = randomUUID().slice(0, 8);
  const prefix = `conformance-${run}-`;
  const namespace = `hexfleet.conformance.r${run}`;
  return {
    prefix,
    subject: (name: string) => `${prefix}${name}`,
    /** An Order record in this run's namespace: an `id` field plus the given ones. */
    order: (...fields: object[]) =>
      JSON.stringify({ type: 'record', name: 'Order', namespace, fields: [{ name: 'id', type: 'string' }, ...fields] }),
  };
}

export const field = {
  qty: { name: 'qty', type: 'int' },
  qtyWithDefault: { name: 'qty', type: 'int', default: 0 },
  qtyAsString: { name: 'qty', type: 'string', default: '' },
  note: { name: 'note', type: 'string' },
  noteWithDefault: { name: 'note', type: 'string', default: '' },
};

/** Registries rewrite schemas into their canonical text; compare what they mean instead. */
export function sameAvro(actual: string, expected: string): boolean {
  return Type.forSchema(JSON.parse(actual)).equals(Type.forSchema(JSON.parse(expected)));
}

/** `errorCodes` lists the codes any Confluent version gives (incompatible: 409, or 40901 since 8.x). */
export function expectError(answer: Answer, status: number, ...errorCodes: number[]): void {
  const code: unknown = answer.body?.error_code;
  const actual = { status: answer.status, error_code: errorCodes.includes(code as number) ? errorCodes[0] : code };
  expect(actual).toEqual({ status, error_code: errorCodes[0] });
  expect(typeof answer.body.message).toBe('string');
}

export const path = {
  versions: (subject: string) => `/subjects/${encodeURIComponent(subject)}/versions`,
  version: (subject: string, version: number | string) =>
    `/subjects/${encodeURIComponent(subject)}/versions/${version}`,
  subject: (subject: string) => `/subjects/${encodeURIComponent(subject)}`,
  config: (subject: string) => `/config/${encodeURIComponent(subject)}`,
  compatibility: (subject: string, version?: number | string) =>
    `/compatibility/subjects/${encodeURIComponent(subject)}/versions${version === undefined ? '' : `/${version}`}`,
};

/** Removes every subject of this run, soft then hard, so runs leave nothing behind. */
export async function removeSubjects(http: RegistryHttp, prefix: string): Promise<void> {
  const { body } = await http.get('/subjects?deleted=true');
  for (const subject of (body as string[]).filter((s) => s.startsWith(prefix))) {
    await http.delete(path.subject(subject));
    await http.delete(`${path.subject(subject)}?permanent=true`);
  }
}
