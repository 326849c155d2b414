import { EnumField, IntField } from '@hexfleet/platform';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Rows per page; the service default when left out' })
  limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}

export class InboxQuery extends PageQuery {
  @EnumField(['true', 'false'], { optional: true, description: 'Only the unread entries' }) unread?: 'true' | 'false';
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'parked', 'skipped'] as const;

export class DeliveriesQuery extends PageQuery {
  @EnumField(DELIVERY_STATUSES, { optional: true, description: 'Only the deliveries in this status' })
  status?: (typeof DELIVERY_STATUSES)[number];
}
