import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { DeliveryPage, InboxPage, Inbox, Paging } from '../../application/inbox.port';

const ITEM = `item_id as "itemId", kind, category, subject, body, at, read_at as "readAt"`;
const DELIVERY = `delivery_id as "deliveryId", event_id as "eventId", recipient, channel, kind, status, attempts,
  last_error as "lastError", address, user_id as "userId", at, sent_at as "sentAt", parked_at as "parkedAt",
  next_attempt_at as "nextAttemptAt"`;

/** The inbox and the deliveries an admin sees, in the tenant's schema. */
@Injectable()
export class PostgresInbox implements Inbox {
  constructor(private readonly runtime: ServiceRuntime) {}

  async page(tenant: TenantId, userId: string, unreadOnly: boolean, { limit, offset }: Paging): Promise<InboxPage> {
    const rows = await this.runtime.queryTenant<InboxPage['items'][number] & { total: string }>(
      tenant,
      (schema) => `select ${ITEM}, count(*) over () as total from ${schema}.notification_inbox
        where user_id = $1 and ($2::boolean is false or read_at is null)
        order by at desc, item_id limit $3 offset $4`,
      [userId, unreadOnly, limit, offset],
    );
    const [counts] = await this.runtime.queryTenant<{ total: string; unread: string }>(
      tenant,
      (schema) => `select count(*) as total, count(*) filter (where read_at is null) as unread
        from ${schema}.notification_inbox where user_id = $1`,
      [userId],
    );
    const total = rows.length ? Number(rows[0].total) : unreadOnly ? 0 : Number(counts?.total ?? 0);
    return {
      items: rows.map(({ total: _total, ...item }) => item),
      total: unreadOnly && !rows.length ? 0 : total,
      unread: Number(counts?.unread ?? 0),
      limit,
      offset,
    };
  }

  async unread(tenant: TenantId, userId: string): Promise<number> {
    const [row] = await this.runtime.queryTenant<{ n: string }>(
      tenant,
      (schema) => `select count(*) as n from ${schema}.notification_inbox where user_id = $1 and read_at is null`,
      [userId],
    );
    return Number(row?.n ?? 0);
  }

  async markRead(tenant: TenantId, userId: string, itemId: string, now: string): Promise<string | undefined> {
    const [row] = await this.runtime.queryTenant<{ readAt: string }>(
      tenant,
      (schema) => `update ${schema}.notification_inbox set read_at = coalesce(read_at, $3)
        where user_id = $1 and item_id = $2 returning read_at as "readAt"`,
      [userId, itemId, now],
    );
    return row?.readAt;
  }

  async markAllRead(tenant: TenantId, userId: string, now: string): Promise<number> {
    const rows = await this.runtime.queryTenant<{ itemId: string }>(
      tenant,
      (schema) => `update ${schema}.notification_inbox set read_at = $2
        where user_id = $1 and read_at is null returning item_id as "itemId"`,
      [userId, now],
    );
    return rows.length;
  }

  async deliveries(tenant: TenantId, status: string | undefined, { limit, offset }: Paging): Promise<DeliveryPage> {
    const rows = await this.runtime.queryTenant<DeliveryPage['items'][number] & { total: string }>(
      tenant,
      (schema) => `select ${DELIVERY}, count(*) over () as total from ${schema}.notification_deliveries
        where ($1::text is null or status = $1) order by recorded_at desc, delivery_id limit $2 offset $3`,
      [status ?? null, limit, offset],
    );
    return {
      items: rows.map(({ total: _total, ...item }) => ({ ...item, nextAttemptAt: iso(item.nextAttemptAt) })),
      total: rows.length ? Number(rows[0].total) : 0,
      limit,
      offset,
    };
  }
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value as string | null));
