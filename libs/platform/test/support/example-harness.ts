import { createDevIssuer, createTestDatabase, DevIssuer, stackEnv, TestDatabase, uniqueName } from '@hexfleet/testing';
import { createService, RunningService, ServiceOptions } from '../../src';
import { ExampleModule, exampleService } from '../example/example.service';

export interface ExampleHarness extends RunningService {
  url: string;
  db: TestDatabase;
  issuer: DevIssuer;
  topic: string;
  projection: string;
  /** A token for `tenant` (a fresh user), with `roles`. */
  token(tenant: string, roles?: string[]): Promise<string>;
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
  body: Record<string, unknown>;
}

/** The example service on the run's stack (or on `env` overrides), listening on a free port. */
export async function startExample(
  env: NodeJS.ProcessEnv = {},
  options: Omit<ServiceOptions, 'env'> = {},
): Promise<ExampleHarness> {
  const db = await createTestDatabase('platform');
  const issuer = await createDevIssuer();
  const topic = uniqueName('platform-accounts');
  const projection = uniqueName('balances');
  const service = await createService(exampleService(topic, projection), ExampleModule, {
    env: {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: issuer.jwksJson,
      LOG_LEVEL: 'silent',
      ...env,
    },
    ...options,
  });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const url = await service.app.getUrl();
  return {
    ...service,
    url,
    db,
    issuer,
    topic,
    projection,
    token: (tenant, roles = []) => issuer.mint({ tenant, roles }),
    async call(method, path, { token, body, headers = {} } = {}) {
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
    },
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}

/** Events stored for `tenant`: what a refused command must not have added to. */
export async function storedEvents(harness: ExampleHarness, tenant: string): Promise<number> {
  const { rows } = await harness.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where tenant = $1',
    [tenant],
  );
  return Number(rows[0].n);
}
