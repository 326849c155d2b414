import type { Type } from '@nestjs/common';
import { createService, RunningService, ServiceDefinition } from '@hexfleet/platform';
import { createTestDatabase, DevIssuer, stackEnv, TestDatabase, testKafka } from '@hexfleet/testing';

export interface ServiceHarness extends RunningService {
  url: string;
  db: TestDatabase;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { items?: Array<Record<string, unknown>> };
}

/**
 * A service on the run's stack with a database of its own, listening on a
 * free port. Its consumer groups (named per test instance) first start at the
 * topics' current ends: the shared stack's topics hold every earlier run's
 * events, which a test instance must neither replay nor act on again.
 */
export async function startService(
  definition: ServiceDefinition,
  feature: Type<unknown>,
  issuer: DevIssuer,
): Promise<ServiceHarness> {
  await startGroupsAtTopicEnds(definition);
  const db = await createTestDatabase(definition.name);
  const service = await createService(definition, feature, {
    env: {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: issuer.jwksJson,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    },
  });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const url = await service.app.getUrl();
  return {
    ...service,
    url,
    db,
    async call(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
    },
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}

async function startGroupsAtTopicEnds(definition: ServiceDefinition) {
  const groups = [
    ...(definition.projections ?? []).map((p) => ({ groupId: `projection.${p.name}`, topics: p.topics })),
    ...(definition.policies ?? []).map((p) => ({ groupId: `policy.${p.name}`, topics: p.topics })),
  ];
  const admin = testKafka('harness').admin();
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

/** Stored events of one type in a service's event store. */
export async function storedEvents(harness: ServiceHarness, type: string, streamId?: string): Promise<number> {
  const { rows } = await harness.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where event_type = $1 and ($2::text is null or stream_id = $2)',
    [type, streamId ?? null],
  );
  return Number(rows[0].n);
}
