import { IntField, TextField } from '@hexfleet/platform';
import { MAX_NAME_LENGTH } from '../../domain/register.decider';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

export class RegisterNameBody {
  @TextField(MAX_NAME_LENGTH, { example: 'First register' }) name!: string;
}

export class RegistersQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Rows per page; the service default when left out' })
  limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}
