import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { DeliveryList, DeliveryPage, DeliveryView, Paging } from '../../../application/delivery-list.port';

/** The view's columns, written once for every query. */
const COLUMNS = `delivery_id as "deliveryId", name, created_at as "createdAt", renamed_at as "renamedAt"`;

/** The read model `notifications-delivery-list` (see delivery-list.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresDeliveryList implements DeliveryList {
  constructor(private readonly runtime: ServiceRuntime) {}

  async page(tenant: TenantId, { limit, offset }: Paging): Promise<DeliveryPage> {
    const rows = await this.runtime.queryTenant<DeliveryView & { total: string }>(
      tenant,
      (schema) => `select ${COLUMNS}, count(*) over () as total from ${schema}.deliveries
        order by name, delivery_id limit $1 offset $2`,
      [limit, offset],
    );
    // A page past the end has no row to carry the total.
    const total = rows.length ? Number(rows[0].total) : await this.count(tenant);
    return { items: rows.map(({ total: _total, ...view }) => view), total, limit, offset };
  }

  async find(tenant: TenantId, deliveryId: string): Promise<DeliveryView | undefined> {
    const [row] = await this.runtime.queryTenant<DeliveryView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.deliveries where delivery_id = $1`,
      [deliveryId],
    );
    return row;
  }

  private async count(tenant: TenantId): Promise<number> {
    const [row] = await this.runtime.queryTenant<{ n: string }>(
      tenant,
      (schema) => `select count(*) as n from ${schema}.deliveries`,
    );
    return Number(row?.n ?? 0);
  }
}
