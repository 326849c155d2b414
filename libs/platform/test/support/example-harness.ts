import {
  callService,
  CallOptions,
  createDevIssuer,
  createTestDatabase,
  DevIssuer,
  listenOnFreePort,
  Reply,
  serviceTestEnv,
  TestDatabase,
  tenantEvents,
  uniqueName,
} from '@hexfleet/testing';
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
    env: serviceTestEnv(db.url, issuer, env),
    ...options,
  });
  const url = await listenOnFreePort(service.app);
  return {
    ...service,
    url,
    db,
    issuer,
    topic,
    projection,
    token: (tenant, roles = []) => issuer.mint({ tenant, roles }),
    call: (method, path, options) => callService(url, method, path, options),
    async close() {
      await service.app.close();
      await db.drop();
    },
  };
}

/** Events stored for `tenant`: what a refused command must not have added to. */
export const storedEvents = (harness: ExampleHarness, tenant: string): Promise<number> => tenantEvents(harness, tenant);
