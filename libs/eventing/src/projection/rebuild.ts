import { TenantId } from '@hexfleet/kernel';
import type { Kafka } from 'kafkajs';
import { escapeIdentifier, Pool } from 'pg';
import { ConsumedEvent, decodeRecord } from '../consumer/consumed-event';
import type { AvroSerde } from '../serde/avro-serde';
import type { Projection } from './projection';
import { withTransaction } from '../postgres/transaction';
import { ProjectionApplier } from './projection-applier';
import { endOffsets, replay, ReplayRange } from './replay';
import { migrateSharedTables, tenantSchema } from './tenant-schemas';

export interface RebuildOptions {
  kafka: Kafka;
  pool: Pool;
  serde: AvroSerde;
  projection: Projection;
  /** One tenant, or every tenant when absent. */
  tenant?: TenantId;
  onProgress?: (progress: { scanned: number; total: number; applied: number }) => void;
}

/**
 * Drops and recreates a projection's tables (for one tenant, or all) and
 * replays its topics from offset 0. Stop the projection's runner first.
 * One tenant replays up to where the runner got (its offsets stay); all tenants
 * replay to the topics' current end, and the runner resumes from there. A handler
 * that throws fails the rebuild with its error (fix it and rebuild again: the
 * tables are dropped first, so a second run starts clean).
 */
export async function rebuildProjection(options: RebuildOptions): Promise<{ applied: number; scanned: number }> {
  const { kafka, pool, serde, projection, tenant } = options;
  // A database no runner ever started (a restore, a new replica of the read side) has no bookkeeping yet.
  await migrateSharedTables(pool);
  const applier = new ProjectionApplier(pool, projection);
  const tenants = tenant ? [tenant] : await tenantsWithProjection(pool, projection);
  for (const t of tenants) await dropTables(pool, projection, t);

  let ranges: ReplayRange[];
  if (tenant) {
    const { rows } = await pool.query<{ topic: string; partition: number; next_offset: string }>(
      'select topic, partition, next_offset from projections.offsets where projection = $1',
      [projection.name],
    );
    ranges = rows.map((r) => ({ topic: r.topic, partition: r.partition, end: BigInt(r.next_offset) }));
  } else {
    await pool.query('delete from projections.offsets where projection = $1', [projection.name]);
    ranges = await endOffsets(kafka, projection.topics);
  }

  const total = ranges.reduce((n, r) => n + Number(r.end), 0);
  let scanned = 0;
  let applied = 0;
  await replay(kafka, `rebuild.${projection.name}`, ranges, async (batch, messages) => {
    const events: ConsumedEvent[] = [];
    for (const message of messages) {
      // Poison records were dead-lettered when first seen; a rebuild passes them over again.
      const event = await decodeRecord(serde, batch.topic, batch.partition, message).catch(() => undefined);
      if (event && (!tenant || event.tenant === tenant)) events.push(event);
    }
    const next = BigInt(messages[messages.length - 1].offset) + 1n;
    applied += await applier.apply(
      events,
      tenant ? { onlyTenant: tenant } : { offset: { topic: batch.topic, partition: batch.partition, next } },
    );
    scanned += messages.length;
    options.onProgress?.({ scanned, total, applied });
  });
  return { applied, scanned };
}

async function tenantsWithProjection(pool: Pool, projection: Projection): Promise<TenantId[]> {
  const { rows } = await pool.query<{ schema: string }>(
    `select table_schema as schema from information_schema.tables
      where table_name = 'projection_migrations' and table_schema like 'tenant\\_%'`,
  );
  const tenants: TenantId[] = [];
  for (const { schema } of rows) {
    const t = schema.slice('tenant_'.length);
    if (!TenantId.isValid(t)) continue; // not one of ours: never build SQL from it
    const used = await pool.query(
      `select 1 from ${tenantSchema(t)}.projection_migrations where projection = $1 limit 1`,
      [projection.name],
    );
    if (used.rowCount) tenants.push(t);
  }
  return tenants;
}

async function dropTables(pool: Pool, projection: Projection, tenant: TenantId) {
  const schema = tenantSchema(tenant);
  await withTransaction(pool, async (tx) => {
    for (const table of projection.tables)
      await tx.query(`drop table if exists ${schema}.${escapeIdentifier(table)} cascade`);
    await tx.query(`delete from ${schema}.projection_positions where projection = $1`, [projection.name]);
    await tx.query(`delete from ${schema}.projection_migrations where projection = $1`, [projection.name]);
  });
}
