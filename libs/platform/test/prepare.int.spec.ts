import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, stackEnv, TestDatabase } from '@hexfleet/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const PROJECT = 'services/business/hrms';
const MAIN = path.join(ROOT, 'dist', PROJECT, 'src/main.js');

// `main.js --prepare` is what the Helm chart's pre-install/pre-upgrade Job runs (ADR 0091):
// migrations, shared read-model tables, schemas, topics; then it exits instead of serving.
describe('a service run with --prepare', () => {
  let db: TestDatabase;
  const env = () => ({
    ...process.env,
    DATABASE_URL: db.url,
    KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
    JWKS_JSON: '{"keys":[]}',
    // Were it to serve instead, it would listen here: nothing may.
    PORT: '0',
    LOG_LEVEL: 'info',
  });

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'tools/scripts/build-service.mjs'), PROJECT], { cwd: ROOT });
    db = await createTestDatabase('prepare');
  }, 120_000);
  afterAll(async () => db?.drop());

  it('migrates a fresh database, then exits 0 without serving', async () => {
    const { stdout } = await run(process.execPath, [MAIN, '--prepare'], { cwd: ROOT, env: env(), timeout: 60_000 });
    expect(stdout).toContain('hrms prepared');
    expect(stdout).not.toContain('is listening');
    const { rows } = await db.pool.query<{ schema: string }>(
      `select distinct table_schema as schema from information_schema.tables
        where table_schema in ('eventstore', 'projections') order by 1`,
    );
    expect(rows.map((r) => r.schema)).toEqual(['eventstore', 'projections']);
    // Twice is a no-op (the Job runs before every upgrade).
    await run(process.execPath, [MAIN, '--prepare'], { cwd: ROOT, env: env(), timeout: 60_000 });
  }, 120_000);

  it('exits 1 naming the failure when Postgres cannot be reached, so the release stops there', async () => {
    const unreachable = new URL(db.url);
    unreachable.port = '1';
    const failure = await run(process.execPath, [MAIN, '--prepare'], {
      cwd: ROOT,
      env: { ...env(), DATABASE_URL: unreachable.toString() },
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('hrms could not be prepared');
  }, 120_000);
});
