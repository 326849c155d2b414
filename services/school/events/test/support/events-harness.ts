import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { createTestDatabase, stackEnv, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, TestDatabase } from '@hexfleet/testing';
import { createEvents } from '../../src/events.module';

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { code?: string };
}

export async function call(
  url: string,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
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
}

export interface EventsHarness extends RunningService {
  url: string;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The Events service in-process: its own database and read-model names, tokens from `issuer`. */
export async function startEvents(issuer: DevIssuer): Promise<EventsHarness> {
  const db = await createTestDatabase('events');
  const { definition, module } = createEvents({ projectionSuffix: `-${uniqueName('t')}` }, {});
  const service = await createService(definition, module, {
    env: {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: issuer.jwksJson,
      LOG_LEVEL: 'silent',
    },
  });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const url = await service.app.getUrl();
  return {
    ...service,
    url,
    db,
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}
