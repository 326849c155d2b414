import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import { Client } from 'pg';
import { repoRoot } from './paths';
import { ManagedProcess, startProcess, stopProcess, waitUntilReady } from './processes';
import type { StackEnv } from './stack';

const run = promisify(execFile);

/** A process of the fleet: its Nx project root, and its port as an offset from the fleet's base port. */
interface Member {
  module: string;
  project: string;
  offset: number;
}

/** Identity first (everyone reads its keys), the gateway last (it fronts the others). */
const SERVICES: Member[] = [
  { module: 'identity', project: 'services/shared/identity', offset: 1 },
  { module: 'profile', project: 'services/shared/profile', offset: 2 },
  { module: 'hrms', project: 'services/business/hrms', offset: 3 },
  { module: 'payroll', project: 'services/business/payroll', offset: 4 },
  { module: 'libraries', project: 'services/school/libraries', offset: 5 },
  { module: 'events', project: 'services/school/events', offset: 6 },
  { module: 'hq', project: 'services/school/hq', offset: 7 },
  { module: 'admin', project: 'services/school/admin', offset: 8 },
  { module: 'attendance', project: 'services/school/attendance', offset: 9 },
  { module: 'chat', project: 'services/business/chat', offset: 10 },
  { module: 'pipeline', project: 'services/business/pipeline', offset: 11 },
  { module: 'notifications', project: 'services/shared/notifications', offset: 12 },
];
const GATEWAY: Member = { module: 'gateway', project: 'gateway', offset: 0 };

/** Secrets made on this machine for the dev fleet, kept in .devstack (never committed). */
export interface DevSecrets {
  /** identity's private signing key (JWK). */
  signingKeyJwk: string;
  /** Who may provision tenants. */
  operatorKey: string;
  /** Encrypts TOTP secrets at rest. */
  totpKey: string;
}

export async function loadOrCreateSecrets(home: string): Promise<DevSecrets> {
  const file = path.join(home, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `dev-${randomBytes(4).toString('hex')}`, alg: 'ES256' };
  const secrets: DevSecrets = {
    signingKeyJwk: JSON.stringify(jwk),
    operatorKey: randomBytes(24).toString('base64url'),
    totpKey: randomBytes(32).toString('base64'),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export interface RunningFleet {
  /** `<MODULE>_URL` per running process, and `GATEWAY_URL`. */
  urls: Record<string, string>;
  secrets: DevSecrets;
  stop(): Promise<void>;
}

export interface FleetOptions {
  home: string;
  stack: StackEnv;
  basePort: number;
  log: (line: string) => void;
  /** More settings for the gateway (a harness that is one client raises its rate limit). */
  gatewayEnv?: Record<string, string>;
  /**
   * Called at once with the fleet's stop, for a signal that comes while it is still building or
   * starting: it stops what started and starts nothing more (startFleet then rejects).
   */
  onStarting?: (stop: () => Promise<void>) => void;
}

/** The services that exist in this checkout (a module is part of the fleet once it has a main.ts). */
export const presentServices = () =>
  SERVICES.filter((m) => fs.existsSync(path.join(repoRoot, m.project, 'src', 'main.ts')));

/**
 * Builds and starts every service that exists and the gateway, each as its
 * own process with its own database on the devstack, and waits until every
 * `/health/ready` answers. Logs go to `<home>/logs/<module>.log`.
 */
export async function startFleet({
  home,
  stack,
  basePort,
  log,
  gatewayEnv,
  onStarting,
}: FleetOptions): Promise<RunningFleet> {
  const started: ManagedProcess[] = [];
  const urls: Record<string, string> = {};
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all([...started].reverse().map((proc) => stopProcess(proc, 'SIGTERM', 15_000)));
  };
  onStarting?.(stop);
  const notStopping = () => {
    if (stopping) throw new Error('the fleet is stopping');
  };
  const secrets = await loadOrCreateSecrets(home);
  const services = presentServices();
  const buildStart = Date.now();
  for (const member of [...services, GATEWAY]) {
    notStopping();
    // Not execFileSync: the event loop stays free, so a signal during the builds is handled at once.
    await run(process.execPath, [path.join(repoRoot, 'tools/scripts/build-service.mjs'), member.project], {
      cwd: repoRoot,
    });
  }
  log(`built ${services.length} services and the gateway in ${((Date.now() - buildStart) / 1000).toFixed(1)}s`);

  const identity = services.find((m) => m.module === 'identity');
  const keys = identity
    ? { JWKS_URL: `http://127.0.0.1:${basePort + identity.offset}/.well-known/jwks.json` }
    : { JWKS_JSON: await publicJwks(secrets.signingKeyJwk) };
  const common = {
    KAFKA_BROKERS: stack.KAFKA_BROKERS,
    SCHEMA_REGISTRY_URL: stack.SCHEMA_REGISTRY_URL,
    ...(stack.SMTP_URL ? { SMTP_URL: stack.SMTP_URL } : {}),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...keys,
  };
  const launch = async (member: Member, env: Record<string, string>) => {
    notStopping();
    const port = basePort + member.offset;
    const logFile = path.join(home, 'logs', `${member.module}.log`);
    const proc = startProcess(
      member.module,
      process.execPath,
      [path.join(repoRoot, 'dist', member.project, 'src/main.js')],
      logFile,
      {
        cwd: repoRoot,
        env: { ...process.env, ...common, ...env, PORT: String(port) },
      },
    );
    started.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(proc, logFile, () => fetch(`${url}/health/ready`).then((r) => r.ok), 180_000);
    urls[`${member.module.toUpperCase()}_URL`] = url;
    log(`  ${member.module.padEnd(10)} ${url}`);
  };

  try {
    const database = async (member: Member) => ({
      DATABASE_URL: await ensureDatabase(stack.DATABASE_URL, member.module),
    });
    // All at once: each service creates its own topics and waits for those it reads (identity's
    // HRMS reactions wait for HRMS's, HRMS for Payroll's, ...), so no order would do for all.
    // Everyone reads identity's public keys from its JWKS URL, fetched on first use.
    const extra = (member: Member): Record<string, string> =>
      member !== identity
        ? {}
        : {
            SIGNING_KEY_JWK: secrets.signingKeyJwk,
            OPERATOR_KEY: secrets.operatorKey,
            TOTP_ENCRYPTION_KEY: secrets.totpKey,
            MAILBOX_DIR: path.join(home, 'mailbox'),
            // Through the gateway, on this machine: the client's address is in X-Forwarded-For.
            TRUSTED_PROXIES: '127.0.0.1',
            HRMS_POLICIES: services.some((m) => m.module === 'hrms') ? 'on' : 'off',
          };
    await Promise.all(services.map(async (m) => launch(m, { ...(await database(m)), ...extra(m) })));
    await launch(GATEWAY, {
      ...Object.fromEntries(Object.entries(urls)),
      CORS_ORIGINS: 'http://localhost:3100,http://localhost:3200',
      // Development: GraphiQL at /graphiql.
      GRAPHIQL: 'on',
      ...gatewayEnv,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, secrets, stop };
}

/** One database per service on the devstack's Postgres: `hexfleet_<module>`, made once. */
async function ensureDatabase(serverUrl: string, module: string): Promise<string> {
  const name = `hexfleet_${module}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    // The name is ours (a fixed module name), never input.
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function publicJwks(privateJwk: string): Promise<string> {
  const { d: _private, ...publicJwk } = JSON.parse(privateJwk) as Record<string, string>;
  return JSON.stringify({ keys: [{ ...publicJwk, use: 'sig' }] });
}
