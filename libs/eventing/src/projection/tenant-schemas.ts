import { TenantId } from '@hexfleet/kernel';
import { escapeIdentifier, Pool, PoolClient } from 'pg';
import { withTransaction } from '../postgres/transaction';
import type { Projection } from './projection';

/** Service-wide bookkeeping: where each projection got to per partition, and events parked after failing. */
const SHARED_DDL = `
create schema if not exists projections;
create table if not exists projections.offsets (
  projection  text   not null,
  topic       text   not null,
  partition   int    not null,
  next_offset bigint not null,
  updated_at  timestamptz not null default now(),
  primary key (projection, topic, partition)
);
create table if not exists projections.parked (
  projection     text not null,
  event_id       text not null,
  tenant         text not null,
  stream_key     text not null,
  stream_version int  not null,
  error          text not null,
  parked_at      timestamptz not null default now(),
  primary key (projection, event_id)
);`;

/** Quoted schema name for a validated tenant: the only way a tenant reaches SQL. */
export const tenantSchema = (tenant: TenantId) => escapeIdentifier(TenantId.schemaName(tenant));

export async function migrateSharedTables(pool: Pool): Promise<void> {
  await withLock(pool, 'projections.shared', (client) => client.query(SHARED_DDL));
}

/**
 * Creates and migrates a tenant's schema for one projection on first use. Each
 * schema keeps the stream versions this projection applied (to skip
 * duplicates) and which of its migration steps ran.
 */
export class TenantSchemas {
  private readonly ready = new Set<string>();

  constructor(
    private readonly pool: Pool,
    private readonly projection: Projection,
  ) {}

  async ensure(tenant: TenantId): Promise<string> {
    const schema = tenantSchema(tenant);
    if (this.ready.has(schema)) return schema;
    await withLock(this.pool, `projections.tenant.${tenant}`, async (client) => {
      await client.query(`create schema if not exists ${schema}`);
      await client.query(`create table if not exists ${schema}.projection_positions (
        projection text not null, stream_key text not null, version int not null, primary key (projection, stream_key))`);
      await client.query(`create table if not exists ${schema}.projection_migrations (
        projection text not null, step int not null, applied_at timestamptz not null default now(), primary key (projection, step))`);
      const { rows } = await client.query<{ step: number }>(
        `select step from ${schema}.projection_migrations where projection = $1`,
        [this.projection.name],
      );
      const done = new Set(rows.map((r) => r.step));
      for (const [step, migration] of this.projection.migrations.entries()) {
        if (done.has(step)) continue;
        await client.query(migration(schema));
        await client.query(`insert into ${schema}.projection_migrations (projection, step) values ($1, $2)`, [
          this.projection.name,
          step,
        ]);
      }
    });
    this.ready.add(schema);
    return schema;
  }
}

/** Runs DDL in one transaction under an advisory lock, so replicas starting together do not race. */
function withLock(pool: Pool, key: string, work: (tx: PoolClient) => Promise<unknown>) {
  return withTransaction(pool, async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
    await work(tx);
  });
}
