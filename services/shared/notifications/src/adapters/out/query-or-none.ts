import type { Pool } from 'pg';

/** Postgres: undefined_table, invalid_schema_name. */
const MISSING = new Set(['42P01', '3F000']);

/** A query in a tenant's schema; a tenant whose tables do not exist yet has no rows. */
export async function queryOrNone<Row extends object>(pool: Pool, sql: string, params: unknown[]): Promise<Row[]> {
  try {
    return (await pool.query<Row>(sql, params)).rows;
  } catch (error) {
    if (MISSING.has((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
}
