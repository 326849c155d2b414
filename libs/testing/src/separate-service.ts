import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@hexfleet/devstack';
export { freePort };
import { createTestDatabase, TestDatabase } from './database';
import type { DevIssuer } from './dev-tokens';
import { stackEnv, TEST_FLEET, uniqueName } from './names';
import { testLogFile } from './test-logs';

const ROOT = path.resolve(__dirname, '../../..');

export interface SeparateService {
  url: string;
  /** Its own database (none for the gateway, which owns no data). */
  db?: TestDatabase;
  /** The process, for tests that signal it themselves. */
  pid: number;
  /** Resolves when the process has exited: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to standard error, the last 4,000 characters. */
  stderr(): string;
  stop(): Promise<void>;
}

export interface SeparateServiceOptions {
  /** Variables beyond the stack's, the issuer's keys and a free port. */
  env?: NodeJS.ProcessEnv;
  /** A database of its own (default); the gateway has none. */
  database?: boolean;
}

/**
 * A service of the fleet as it is deployed: built (`nx build`'s script), then
 * `node dist/<project>/src/main.js` in its own process with its own database,
 * on the run's stack, trusting `issuer`'s tokens. A test of one service (or of
 * the gateway) never imports another service's code.
 */
const READY_WITHIN_MS = 150_000;

export async function startSeparateService(
  project: string,
  issuer: DevIssuer,
  { env: extraEnv = {}, database = true }: SeparateServiceOptions = {},
): Promise<SeparateService> {
  execFileSync(process.execPath, [path.join(ROOT, 'tools/scripts/build-service.mjs'), project], { cwd: ROOT });
  const db = database ? await createTestDatabase(path.basename(project)) : undefined;
  // A port chosen by the caller (so others can be told the URL before it is up), or any free one.
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort();
  // Its log (stdout) goes to a file of the run's when the run keeps logs (the secrets scan reads them), at `info`.
  const logFile = testLogFile(path.basename(project));
  const logFd = logFile ? fs.openSync(logFile, 'a') : undefined;
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', project, 'src/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', logFd ?? 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...(db ? { DATABASE_URL: db.url } : {}),
      KAFKA_BROKERS: stackEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: stackEnv('SCHEMA_REGISTRY_URL'),
      JWKS_JSON: issuer.jwksJson,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logFile ? 'info' : 'warn',
      // Consumer groups of its own, so that runs sharing one Kafka never split each other's events.
      PROJECTION_SUFFIX: `-${uniqueName('t')}`,
      // ...which start at their topics' ends: the shared stack holds every earlier test's events.
      NEW_CONSUMER_GROUPS_START_AT: 'end',
      // ...and which act only on what this test file's services publish.
      FLEET_ID: TEST_FLEET,
      OVERDUE_SCAN_INTERVAL_MS: '0',
      ...extraEnv,
    },
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    if (logFile) fs.appendFileSync(logFile, chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
  };
  // A fleet of nine starting at once on two busy cores (CI beside other work) takes its time.
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await db?.drop();
      throw new Error(`${project} exited (${child.exitCode}): ${stderr}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${project} not ready within ${READY_WITHIN_MS / 1000} s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, db, pid: child.pid as number, exited, stderr: () => stderr, stop };
}

/**
 * Identity's secrets for a fleet a test starts, made for this run only; its dev mailbox in a temp
 * folder. It signs with the test issuer's key, so the tokens a test mints and the ones identity
 * issues are alike. `hrms`: whether HRMS is in the fleet (identity then reacts to its events).
 */
export function identityTestEnv(issuer: DevIssuer, operatorKey: string, hrms: boolean): NodeJS.ProcessEnv {
  return {
    SIGNING_KEY_JWK: issuer.signingKeyJwk,
    JWKS_JSON: '',
    OPERATOR_KEY: operatorKey,
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAILBOX_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-')),
    TRUSTED_PROXIES: '127.0.0.1',
    HRMS_POLICIES: hrms ? 'on' : 'off',
  };
}
