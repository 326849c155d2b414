import { IntField } from '@hexfleet/platform';

/** Offset paging, as the service's lists take it: `limit` 1 to 200 (50), `offset` (0). */
export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, default: 50 }) limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0, description: 'Items to skip (offset paging)' })
  offset?: number;
}
