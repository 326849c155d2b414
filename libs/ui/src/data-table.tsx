import type { ReactNode } from 'react';
import { pagerState } from './paging';
import type { PageInfo } from './paging';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The row's header cell (one per row, for screen readers): the name, usually. */
  rowHeader?: boolean;
}

/** A table of one page of rows, with its caption and a pager under it. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  page,
  pageHref,
}: {
  caption: string;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  page?: PageInfo;
  /** The link to another page (by offset): links keep paging working by keyboard, history and reload. */
  pageHref?: (offset: number) => string;
}) {
  return (
    <div className="hx-table-wrap">
      <table className="hx-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" data-label={c.header}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} data-label={c.header}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {page && pageHref ? <Pager page={page} shown={rows.length} href={pageHref} /> : null}
    </div>
  );
}

export function Pager({ page, shown, href }: { page: PageInfo; shown: number; href: (offset: number) => string }) {
  const state = pagerState(page, shown);
  return (
    <nav className="hx-pager" aria-label="Pages">
      {state.previousOffset !== undefined ? (
        <a href={href(state.previousOffset)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span aria-hidden="true" className="hx-pager-off">
          ← Previous
        </span>
      )}
      <span>
        {state.from}–{state.to}
        {typeof page.total === 'number' ? ` of ${page.total}` : ''}
        {state.pages ? ` · page ${state.page} of ${state.pages}` : ` · page ${state.page}`}
      </span>
      {state.nextOffset !== undefined ? (
        <a href={href(state.nextOffset)} rel="next">
          Next →
        </a>
      ) : (
        <span aria-hidden="true" className="hx-pager-off">
          Next →
        </span>
      )}
    </nav>
  );
}
