import type { TenantId } from '@hexfleet/kernel';
import type { PoolClient } from 'pg';
import type { ConsumedEvent } from '../consumer/consumed-event';

export interface ProjectionContext {
  /** The open transaction: the events, their dedupe records and the offset commit together. */
  tx: PoolClient;
  /** The tenant's schema, already quoted (`"tenant_acme"`): use it as `${schema}.table`. */
  schema: string;
  tenant: TenantId;
}

/**
 * A read model fed by events, kept in one Postgres schema per tenant: what the
 * projection runner, rebuild and redrive drive. Services build one with
 * `readModel()`, which types each handler by its contract; this is its
 * untyped face.
 */
export interface Projection {
  /** Names its consumer group (`projection.<name>`), its DLQ and its bookkeeping rows. */
  name: string;
  topics: readonly string[];
  /** DDL run once per tenant schema, in order; never edit a published step, append a new one. */
  migrations: ReadonlyArray<(schema: string) => string>;
  /** Its tables, dropped on rebuild. */
  tables: readonly string[];
  /**
   * Applies events of one tenant, in the order their partition holds them, that
   * this projection has not applied before (the applier has already skipped the rest).
   */
  apply(events: readonly ConsumedEvent[], context: ProjectionContext): Promise<void>;
}

export const projectionGroup = (projection: Pick<Projection, 'name'>) => `projection.${projection.name}`;
