import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { createDevIssuer, createTestDatabase, stackEnv, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, TestDatabase } from '@hexfleet/testing';
import { createLibraries } from '../../src/libraries.module';

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { code?: string };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LibrariesHarness extends RunningService {
  url: string;
  db: TestDatabase;
  issuer: DevIssuer;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The Libraries service in-process on the run's stack: its own database, its own
 * read-model names (so parallel tests never share a consumer group), a clock the
 * test controls, and the overdue timer off (tests run the job themselves).
 */
export async function startLibraries(clock: Clock, issuer?: DevIssuer): Promise<LibrariesHarness> {
  const db = await createTestDatabase('libraries');
  const devIssuer = issuer ?? (await createDevIssuer());
  const { definition, module } = createLibraries(
    { clock, overdueScanIntervalMs: 0, projectionSuffix: `-${uniqueName('t')}` },
    {},
  );
  const service = await createService(definition, module, {
    env: {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: devIssuer.jwksJson,
      LOG_LEVEL: 'silent',
    },
  });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const url = await service.app.getUrl();
  return {
    ...service,
    url,
    db,
    issuer: devIssuer,
    call: (method, path, options) => call(url, method, path, options),
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}

export async function call(
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
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}
