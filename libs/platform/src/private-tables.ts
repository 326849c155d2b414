import type { Pool } from 'pg';

/**
 * A service's own working tables (counters, pending enrolments: nothing that is a fact, so no
 * event), outside the event store and the tenant read models: `ddl` run at start in one
 * transaction under an advisory lock named `schema`, so replicas starting together do not race.
 */
export async function createPrivateTables(pool: Pool, schema: string, ddl: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [schema]);
    await client.query(ddl);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
