import type { Admin } from 'kafkajs';
import type { DevIssuer } from './dev-tokens';
import { testKafka } from './await';
import { stackEnv } from './names';

// What every test that runs a service needs, whichever service: its environment on
// the run's stack, a free port, and JSON calls. Typed structurally, so the harness
// needs no import of the platform (whose own tests use the harness).

export interface CallOptions {
  token?: string;
  /** JSON-encoded, unless already a string (to send a malformed body on purpose). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { code?: string; items?: Array<Record<string, unknown>> };
}

/** The variables a service under test reads: the run's stack, its own database, tokens from `issuer`. */
export function serviceTestEnv(databaseUrl: string, issuer: DevIssuer, extra: NodeJS.ProcessEnv = {}) {
  return {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
    JWKS_JSON: issuer.jwksJson,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...extra,
  };
}

/** One HTTP call with the bearer token when given; the reply's body parsed as JSON. */
export async function callService(
  url: string,
  method: string,
  path: string,
  { token, body, headers = {} }: CallOptions = {},
): Promise<Reply> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Starts a Nest application listening on a free loopback port and returns its URL. */
export async function listenOnFreePort(app: {
  listen(options: { port: number; host: string }): Promise<unknown>;
  getUrl(): Promise<string>;
}): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app.getUrl();
}

/**
 * Sets consumer groups to their topics' current ends before a service under test
 * joins them: the shared stack's topics hold every earlier run's events, which a
 * test instance must neither replay nor act on again. Topics not created yet are skipped.
 */
export async function startGroupsAtTopicEnds(groups: ReadonlyArray<{ groupId: string; topics: readonly string[] }>) {
  const admin: Admin = testKafka('harness').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const { groupId, topics } of groups) {
      for (const topic of topics.filter((t) => existing.has(t))) {
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
        });
      }
    }
  } finally {
    await admin.disconnect();
  }
}
