import type { Page, Paging } from '../../application/paging';

/**
 * A page from rows that carry `count(*) over ()` as `total`; a page past the end has no
 * row to carry it, so `count` is asked then.
 */
export async function pageOf<T>(
  rows: ReadonlyArray<T & { total: string }>,
  paging: Paging,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows.length ? Number(rows[0].total) : paging.offset > 0 ? await count() : 0;
  return { items: rows.map(({ total: _total, ...item }) => item as T), total, ...paging };
}
