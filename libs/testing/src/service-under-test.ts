import type { Admin, Kafka } from 'kafkajs';
import type { DevIssuer } from './dev-tokens';
import { testKafka } from './await';
import { stackEnv, TEST_FLEET } from './names';
import { testLogEnv } from './test-logs';

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
    ...testLogEnv('service'),
    FLEET_ID: TEST_FLEET,
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

/** A list route's answer: the status it needs and a JSON array of `T` (a `Reply` types every body as an object). */
export function listOf<T>(reply: Reply, status = 200): T[] {
  const body: unknown = reply.body;
  if (reply.status !== status || !Array.isArray(body)) {
    throw new Error(`expected ${status} and a list, got ${reply.status}: ${JSON.stringify(body)}`);
  }
  return body;
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
  const kafka = testKafka('harness');
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    await Promise.all(
      groups.map(({ groupId, topics }) =>
        moveGroupToEnds(
          kafka,
          admin,
          groupId,
          topics.filter((t) => existing.has(t)),
        ),
      ),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * What kafkajs's admin.setOffsets does for one topic, for all of a group's topics
 * at once: joining a group takes seconds, so each group joins once, and groups in parallel.
 */
async function moveGroupToEnds(kafka: Kafka, admin: Admin, groupId: string, topics: string[]) {
  if (topics.length === 0) return;
  const ends = await Promise.all(
    topics.map(async (topic) =>
      (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high })),
    ),
  );
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // The seeks are committed (autoCommit) on the first fetch after the group's assignment.
      consumer.on(consumer.events.FETCH, () => resolve());
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const seek of ends.flat()) consumer.seek(seek);
    });
  } finally {
    await consumer.disconnect();
  }
}
