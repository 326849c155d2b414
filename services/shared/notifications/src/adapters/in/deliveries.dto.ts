import { IntField, TextField } from '@hexfleet/platform';
import { MAX_NAME_LENGTH } from '../../domain/delivery.decider';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

export class DeliveryNameBody {
  @TextField(MAX_NAME_LENGTH, { example: 'First delivery' }) name!: string;
}

export class DeliveriesQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Rows per page; the service default when left out' })
  limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}
