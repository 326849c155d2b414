import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestDatabase } from './database';
import { createDevIssuer, DevIssuer } from './dev-tokens';
import { uniqueName } from './names';
import { startSeparateService } from './separate-service';
import { callService, CallOptions, Reply } from './service-under-test';

const ROOT = path.resolve(__dirname, '../../..');

export interface BuiltService {
  url: string;
  db: TestDatabase;
  /** The consumer groups it joined, with their topics (`main.js --consumer-groups`). */
  groups: Array<{ groupId: string; topics: string[] }>;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  stop(): Promise<void>;
}

/**
 * Another service of the fleet as it is deployed (startSeparateService: built,
 * its own process and database, groups of its own starting at the topics'
 * ends), with the consumer groups it joined, for tests that redeliver to them.
 */
export async function startBuiltService(
  project: string,
  issuer: DevIssuer,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BuiltService> {
  const env = { PROJECTION_SUFFIX: `-${uniqueName('b')}`, ...extraEnv };
  const service = await startSeparateService(project, issuer, { env });
  const main = path.join(ROOT, 'dist', project, 'src/main.js');
  const listed = execFileSync(process.execPath, [main, '--consumer-groups'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).toString();
  const groups: BuiltService['groups'] = JSON.parse(listed.trim().split('\n').pop() ?? '[]');
  return {
    url: service.url,
    db: service.db as TestDatabase,
    groups,
    call: (method, route, options) => callService(service.url, method, route, options),
    stop: service.stop,
  };
}

export interface BesideBuilt<Local> {
  issuer: DevIssuer;
  /** The service under test, in this process. */
  local: Local;
  /** The other service, built and run as deployed. */
  built: BuiltService;
}

/**
 * For the tests of the calling describe block: the service under test in this
 * process (`startLocal`) and another (`project`) as deployed beside it, with
 * tokens from one issuer, started at once; afterwards whichever started is stopped.
 */
export function withBuiltService<Local extends { close(): Promise<void> }>(
  project: string,
  startLocal: (issuer: DevIssuer) => Promise<Local>,
): BesideBuilt<Local> {
  const services = {} as BesideBuilt<Local>;
  let starting: [Promise<Local>, Promise<BuiltService>] | undefined;
  beforeAll(async () => {
    services.issuer = await createDevIssuer();
    starting = [startLocal(services.issuer), startBuiltService(project, services.issuer)];
    [services.local, services.built] = await Promise.all(starting);
  });
  afterAll(() => Promise.allSettled([starting?.[0].then((s) => s.close()), starting?.[1].then((s) => s.stop())]));
  return services;
}
