import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from './database';
import { createDevIssuer, DevIssuer } from './dev-tokens';
import { uniqueName } from './names';
import { callService, CallOptions, Reply, serviceTestEnv, startGroupsAtTopicEnds } from './service-under-test';

const ROOT = path.resolve(__dirname, '../../..');

export interface BuiltService {
  url: string;
  db: TestDatabase;
  /** The consumer groups it joined, with their topics. */
  groups: Array<{ groupId: string; topics: string[] }>;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * Another service of the fleet as it is deployed: built (`nx build`'s script),
 * then `node dist/<project>/src/main.js` in a process of its own with its own
 * database, on the run's stack. A service's tests never import another
 * service's code. Its consumer groups (named by a fresh PROJECTION_SUFFIX, and
 * listed by `main.js --consumer-groups`) start at the topics' current ends, so
 * earlier runs' events are neither replayed nor acted on.
 */
export async function startBuiltService(
  project: string,
  issuer: DevIssuer,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BuiltService> {
  execFileSync(process.execPath, [path.join(ROOT, 'tools/scripts/build-service.mjs'), project], { cwd: ROOT });
  const main = path.join(ROOT, 'dist', project, 'src/main.js');
  const db = await createTestDatabase(path.basename(project));
  const port = await freePort();
  const env = {
    ...process.env,
    ...serviceTestEnv(db.url, issuer, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
    PROJECTION_SUFFIX: `-${uniqueName('b')}`,
    ...extraEnv,
  };
  const listed = execFileSync(process.execPath, [main, '--consumer-groups'], { cwd: ROOT, env }).toString();
  const groups: BuiltService['groups'] = JSON.parse(listed.trim().split('\n').pop() ?? '[]');
  await startGroupsAtTopicEnds(groups);

  const child: ChildProcess = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill); // never outlive the test run
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', kill);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 15_000);
      await exited;
      clearTimeout(timer);
    }
    await db.drop();
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${project} did not get ready (exit ${child.exitCode}): ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, db, groups, call: (method, route, options) => callService(url, method, route, options), stop };
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
