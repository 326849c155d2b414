import { Injectable } from '@nestjs/common';
import { tenantSchema, withTransaction } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import { escapeIdentifier } from 'pg';
import type { DeliveryEvent } from '../../domain/delivery.decider';
import type { DeliveryRow, DeliveryStore, InboxEntry, TenantKey } from '../../application/ports';
import { queryOrNone } from './query-or-none';

export const ROW = `delivery_id as "deliveryId", event_id as "eventId", recipient, channel, kind, params, at,
  status, attempts`;

/** The deliveries and inbox tables the deliveries projection made in each tenant's schema. */
@Injectable()
export class PostgresDeliveryStore implements DeliveryStore {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** The tenant's quoted schema: only a valid TenantId, or the store's own listing, makes one. */
  keyOf(tenant: TenantId): TenantKey {
    return tenantSchema(tenant) as TenantKey;
  }

  async tenants(): Promise<TenantKey[]> {
    const { rows } = await this.runtime.pool.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables
        where table_name = 'notification_deliveries' and table_schema like 'tenant\\_%' order by 1`,
    );
    return rows.map((r) => escapeIdentifier(r.schema) as TenantKey);
  }

  async claim(tenant: TenantKey, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    const { rows } = await this.runtime.pool.query<DeliveryRow>(
      `update ${tenant}.notification_deliveries d set lease_until = now() + make_interval(secs => $2::float / 1000)
        where delivery_id in (
          select delivery_id from ${tenant}.notification_deliveries
           where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
           order by next_attempt_at, delivery_id limit $1 for update skip locked)
        returning ${ROW}`,
      [limit, leaseMs],
    );
    return rows;
  }

  async settle(
    tenant: TenantKey,
    row: Pick<DeliveryRow, 'deliveryId' | 'status'>,
    events: readonly DeliveryEvent[],
    extra: { address?: string; userId?: string; inbox?: InboxEntry } = {},
  ): Promise<boolean> {
    return withTransaction(this.runtime.pool, async (tx) => {
      let status = row.status;
      for (const event of events) {
        const [set, params] = assignment(event);
        const { rowCount } = await tx.query(
          `update ${tenant}.notification_deliveries set ${set}, lease_until = null,
             address = coalesce($3, address), user_id = coalesce($4, user_id)
           where delivery_id = $1 and status = $2`,
          [row.deliveryId, status, extra.address ?? null, extra.userId ?? null, ...params],
        );
        // Settled meanwhile by another dispatcher (its lease ran out): theirs stands.
        if (rowCount === 0) throw new Settled();
        status = statusAfter(event);
      }
      if (extra.inbox) {
        const i = extra.inbox;
        await tx.query(
          `insert into ${tenant}.notification_inbox (item_id, user_id, kind, category, subject, body, at)
           values ($1, $2, $3, $4, $5, $6, $7) on conflict (item_id) do nothing`,
          [i.itemId, i.userId, i.kind, i.category, i.subject, i.body, i.at],
        );
      }
      return true;
    }).catch((error: unknown) => {
      if (error instanceof Settled) return false;
      throw error;
    });
  }

  async find(tenant: TenantKey, deliveryId: string): Promise<DeliveryRow | undefined> {
    const rows = await queryOrNone<DeliveryRow>(
      this.runtime.pool,
      `select ${ROW} from ${tenant}.notification_deliveries where delivery_id = $1`,
      [deliveryId],
    );
    return rows[0];
  }
}

class Settled extends Error {}

function statusAfter(event: DeliveryEvent): DeliveryRow['status'] {
  switch (event.type) {
    case 'DeliverySent':
      return 'sent';
    case 'DeliveryParked':
      return 'parked';
    case 'DeliverySkipped':
      return 'skipped';
    case 'DeliveryFailed':
    case 'DeliveryRequeued':
      return 'pending';
  }
}

/** The columns an event sets; its parameters follow $1-$4 (id, expected status, address, user). */
function assignment(event: DeliveryEvent): [string, unknown[]] {
  switch (event.type) {
    case 'DeliverySent':
      return [`status = 'sent', attempts = $5, sent_at = $6, last_error = null`, [event.attempts, event.sentAt]];
    case 'DeliveryFailed':
      return [`attempts = $5, last_error = $6, next_attempt_at = $7`, [event.attempts, event.error, event.retryAt]];
    case 'DeliveryParked':
      return [
        `status = 'parked', attempts = $5, last_error = $6, parked_at = $7`,
        [event.attempts, event.error, event.parkedAt],
      ];
    case 'DeliverySkipped':
      return [`status = 'skipped', last_error = $5`, [event.reason]];
    case 'DeliveryRequeued':
      return [`status = 'pending', attempts = 0, next_attempt_at = now(), parked_at = null`, []];
  }
}
