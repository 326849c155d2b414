/** Offset paging as the gateway answers it (`XPage { items limit offset hasMore total }`). */
export interface PageInfo {
  limit: number;
  offset: number;
  hasMore: boolean;
  total?: number | null;
}

export interface PagerState {
  /** 1-based. */
  page: number;
  pages?: number;
  from: number;
  to: number;
  previousOffset?: number;
  nextOffset?: number;
}

export function pagerState(info: PageInfo, shown: number): PagerState {
  const page = Math.floor(info.offset / info.limit) + 1;
  const pages = typeof info.total === 'number' ? Math.max(1, Math.ceil(info.total / info.limit)) : undefined;
  return {
    page,
    ...(pages !== undefined ? { pages } : {}),
    from: shown === 0 ? 0 : info.offset + 1,
    to: info.offset + shown,
    ...(info.offset > 0 ? { previousOffset: Math.max(0, info.offset - info.limit) } : {}),
    ...(info.hasMore ? { nextOffset: info.offset + info.limit } : {}),
  };
}

/** A page's offset from the URL's `?page=` (1-based; anything else is the first page). */
export function offsetOfPage(pageParam: string | null | undefined, limit: number): number {
  const page = Number(pageParam);
  return Number.isInteger(page) && page > 1 ? (page - 1) * limit : 0;
}
