import { Client, escapeIdentifier, Pool } from 'pg';
import { stackEnv, uniqueName } from './names';

export interface TestDatabase {
  url: string;
  pool: Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database on the run's Postgres, so a test never sees another's tables. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(prefix).replace(/-/g, '_').toLowerCase();
  const serverUrl = stackEnv('DATABASE_URL');
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 20 });
  // An idle client whose connection ends (the database is dropped, Postgres restarts) makes the
  // pool emit 'error'; with no listener that throws in whatever test runs at that moment.
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await withAdmin(serverUrl, (admin) =>
        admin.query(`drop database if exists ${escapeIdentifier(name)} with (force)`),
      );
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
