import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase, stackEnv, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, TestDatabase } from '@hexfleet/testing';

const ROOT = path.resolve(__dirname, '../../../../..');

export interface SeparateService {
  url: string;
  db: TestDatabase;
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
 * then `node dist/.../main.js` in its own process with its own database. A
 * service never imports another's code, tests included.
 */
export async function startSeparateService(project: string, issuer: DevIssuer): Promise<SeparateService> {
  execFileSync(process.execPath, [path.join(ROOT, 'tools/scripts/build-service.mjs'), project], { cwd: ROOT });
  const db = await createTestDatabase(path.basename(project));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', project, 'src/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: issuer.jwksJson,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PROJECTION_SUFFIX: `-${uniqueName('t')}`,
      OVERDUE_SCAN_INTERVAL_MS: '0',
      HOLD_EXPIRY_SCAN_INTERVAL_MS: '0',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await db.drop();
      throw new Error(`${project} exited (${child.exitCode}): ${stderr}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${project} not ready within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    db,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
    },
  };
}
