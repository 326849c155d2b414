import { TenantId } from '@hexfleet/kernel';
import type { Pool, PoolClient } from 'pg';
import { ConsumedEvent, PoisonRecordError } from '../consumer/consumed-event';
import type { Projection } from './projection';
import { withTransaction } from '../postgres/transaction';
import { TenantSchemas } from './tenant-schemas';

export interface OffsetUpdate {
  topic: string;
  partition: number;
  next: bigint;
}

export interface ApplyOptions {
  /** Where the events came from: written in the same transaction. */
  offset?: OffsetUpdate;
  /** Redrive: apply a parked event even though later versions of its stream were applied. */
  redrive?: boolean;
  /** Apply only events that are parked, un-parking them in the same transaction (redrive). */
  unpark?: boolean;
  /** Only these tenants' events (rebuild of one tenant); others are passed over. */
  onlyTenant?: TenantId;
}

/**
 * Applies events and the bookkeeping that makes the effect exactly-once, in one
 * transaction: lock the chunk's stream positions, skip stream versions already
 * applied, hand the rest to the read model tenant by tenant (so it may apply a run
 * of them in one statement), record the new versions and the offset. A crash
 * anywhere rolls all of it back; a redelivery is skipped.
 */
export class ProjectionApplier {
  private readonly schemas: TenantSchemas;

  constructor(
    private readonly pool: Pool,
    readonly projection: Projection,
  ) {
    this.schemas = new TenantSchemas(pool, projection);
  }

  /** Returns how many events changed the read model (duplicates and other tenants' events do not). */
  async apply(events: readonly ConsumedEvent[], options: ApplyOptions = {}): Promise<number> {
    const tenants = new Map<string, TenantId>();
    for (const event of events) {
      if (!TenantId.isValid(event.tenant)) throw new PoisonRecordError(`invalid tenant "${event.tenant.slice(0, 64)}"`);
      tenants.set(event.tenant, event.tenant);
    }
    const schemas = new Map<string, string>();
    for (const tenant of tenants.values()) {
      if (!options.onlyTenant || options.onlyTenant === tenant) schemas.set(tenant, await this.schemas.ensure(tenant));
    }

    return withTransaction(this.pool, async (tx) => {
      const positions = await this.lockPositions(tx, events, schemas);
      const advanced = new Map<string, Set<string>>();
      // The events each tenant's read model has not applied yet, in partition order.
      const fresh = new Map<string, ConsumedEvent[]>();
      for (const event of events) {
        const schema = schemas.get(event.tenant);
        if (!schema) continue;
        if (options.unpark) {
          const parked = await tx.query('delete from projections.parked where projection = $1 and event_id = $2', [
            this.projection.name,
            event.eventId,
          ]);
          if (parked.rowCount === 0) continue;
        }
        const streams = positions.get(schema) as Map<string, number>;
        const last = streams.get(event.streamId) ?? 0;
        if (event.streamVersion <= last && !options.redrive) continue;
        streams.set(event.streamId, Math.max(last, event.streamVersion));
        advanced.set(schema, (advanced.get(schema) ?? new Set()).add(event.streamId));
        const pending = fresh.get(schema) ?? [];
        if (!pending.length) fresh.set(schema, pending);
        pending.push(event);
      }
      let applied = 0;
      for (const [schema, tenantEvents] of fresh) {
        const tenant = tenants.get(tenantEvents[0].tenant) as TenantId;
        await this.projection.apply(tenantEvents, { tx, schema, tenant });
        applied += tenantEvents.length;
      }
      for (const [schema, streamIds] of advanced) {
        const streams = positions.get(schema) as Map<string, number>;
        const keys = [...streamIds];
        await tx.query(
          `update ${schema}.projection_positions p set version = greatest(p.version, v.version)
             from unnest($2::text[], $3::int[]) as v(stream_key, version)
            where p.projection = $1 and p.stream_key = v.stream_key`,
          [this.projection.name, keys, keys.map((key) => streams.get(key))],
        );
      }
      if (options.offset) await this.recordOffset(tx, options.offset);
      return applied;
    });
  }

  /**
   * The applied version of every stream in the chunk, its row locked until commit: two
   * queries per tenant per chunk, not per event. A stream seen for the first time gets a
   * row (version 0) before the lock, so that two consumers racing on it (a rebalance
   * overlap) serialize on that row instead of both applying the event.
   */
  private async lockPositions(tx: PoolClient, events: readonly ConsumedEvent[], schemas: Map<string, string>) {
    const keysBySchema = new Map<string, Set<string>>();
    for (const event of events) {
      const schema = schemas.get(event.tenant);
      if (schema) keysBySchema.set(schema, (keysBySchema.get(schema) ?? new Set()).add(event.streamId));
    }
    const positions = new Map<string, Map<string, number>>();
    for (const [schema, keySet] of keysBySchema) {
      const keys = [...keySet].sort();
      await tx.query(
        `insert into ${schema}.projection_positions (projection, stream_key, version)
         select $1, key, 0 from unnest($2::text[]) as key order by key
         on conflict (projection, stream_key) do nothing`,
        [this.projection.name, keys],
      );
      const { rows } = await tx.query<{ stream_key: string; version: number }>(
        `select stream_key, version from ${schema}.projection_positions
          where projection = $1 and stream_key = any($2::text[]) order by stream_key for update`,
        [this.projection.name, keys],
      );
      positions.set(schema, new Map(rows.map((row) => [row.stream_key, row.version])));
    }
    return positions;
  }

  /** Moves past a record that failed for good, parking it (when it decoded) for a later redrive. */
  async park(event: ConsumedEvent | undefined, offset: OffsetUpdate, error: unknown): Promise<void> {
    await withTransaction(this.pool, async (tx) => {
      if (event) {
        await tx.query(
          `insert into projections.parked (projection, event_id, tenant, stream_key, stream_version, error)
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
          [
            this.projection.name,
            event.eventId,
            event.tenant,
            event.streamKey,
            event.streamVersion,
            String((error as Error)?.message ?? error),
          ],
        );
      }
      await this.recordOffset(tx, offset);
    });
  }

  async storedOffset(topic: string, partition: number): Promise<bigint | undefined> {
    const { rows } = await this.pool.query<{ next_offset: string }>(
      'select next_offset from projections.offsets where projection = $1 and topic = $2 and partition = $3',
      [this.projection.name, topic, partition],
    );
    return rows[0] ? BigInt(rows[0].next_offset) : undefined;
  }

  private async recordOffset(tx: PoolClient, offset: OffsetUpdate) {
    await tx.query(
      `insert into projections.offsets (projection, topic, partition, next_offset) values ($1, $2, $3, $4)
       on conflict (projection, topic, partition) do update set next_offset = excluded.next_offset, updated_at = now()`,
      [this.projection.name, offset.topic, offset.partition, offset.next.toString()],
    );
  }
}
