import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { RegisterList, RegisterPage, RegisterView, Paging } from '../../../application/register-list.port';

/** The view's columns, written once for every query. */
const COLUMNS = `register_id as "registerId", name, created_at as "createdAt", renamed_at as "renamedAt"`;

/** The read model `attendance-register-list` (see register-list.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresRegisterList implements RegisterList {
  constructor(private readonly runtime: ServiceRuntime) {}

  async page(tenant: TenantId, { limit, offset }: Paging): Promise<RegisterPage> {
    const rows = await this.runtime.queryTenant<RegisterView & { total: string }>(
      tenant,
      (schema) => `select ${COLUMNS}, count(*) over () as total from ${schema}.registers
        order by name, register_id limit $1 offset $2`,
      [limit, offset],
    );
    // A page past the end has no row to carry the total.
    const total = rows.length ? Number(rows[0].total) : await this.count(tenant);
    return { items: rows.map(({ total: _total, ...view }) => view), total, limit, offset };
  }

  async find(tenant: TenantId, registerId: string): Promise<RegisterView | undefined> {
    const [row] = await this.runtime.queryTenant<RegisterView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.registers where register_id = $1`,
      [registerId],
    );
    return row;
  }

  private async count(tenant: TenantId): Promise<number> {
    const [row] = await this.runtime.queryTenant<{ n: string }>(
      tenant,
      (schema) => `select count(*) as n from ${schema}.registers`,
    );
    return Number(row?.n ?? 0);
  }
}
