import type { TenantId } from '@hexfleet/kernel';
import type { ServiceRuntime } from '@hexfleet/platform';
import type { Page, Paging } from '../../application/paging';

export interface PagedQuery {
  /** The table, in the tenant's schema. */
  table: string;
  columns: string;
  /** A condition over `params` ($1, $2, ...). */
  where: string;
  orderBy: string;
  params: unknown[];
}

/** One page and the total across pages: a window count, or a count of its own for a page past the end. */
export async function pagedQuery<View extends object>(
  runtime: ServiceRuntime,
  tenant: TenantId,
  { table, columns, where, orderBy, params }: PagedQuery,
  { limit, offset }: Paging,
): Promise<Page<View>> {
  const n = params.length;
  const rows = await runtime.queryTenant<View & { total: string }>(
    tenant,
    (schema) => `select ${columns}, count(*) over () as total from ${schema}.${table} where ${where}
      order by ${orderBy} limit $${n + 1} offset $${n + 2}`,
    [...params, limit, offset],
  );
  const total = rows.length
    ? Number(rows[0].total)
    : Number(
        (
          await runtime.queryTenant<{ n: string }>(
            tenant,
            (schema) => `select count(*) as n from ${schema}.${table} where ${where}`,
            params,
          )
        )[0]?.n ?? 0,
      );
  // Every column but the window's count is the view's.
  const items = rows.map(({ total: _total, ...view }) => view as View);
  return { items, total, limit, offset };
}
