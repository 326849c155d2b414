import { EnumField, IntField, PatternField, TextField, UuidField } from '@hexfleet/platform';
import { MAX_REASON, MAX_SCHOOL_NAME } from '../../domain';

export class OpenSchoolBody {
  @PatternField(/^[A-Za-z][A-Za-z0-9-]{1,15}$/, '2 to 16 letters, digits or hyphens, a letter first', {
    example: 'NORTH-1',
    description: 'Unique in the group for ever; stored upper-cased',
  })
  code!: string;
  @TextField(MAX_SCHOOL_NAME, { example: 'North Campus' }) name!: string;
  @TextField(64, { example: 'Asia/Kolkata', description: 'IANA time zone of the school calendar' }) timeZone!: string;
  @UuidField({ optional: true, description: 'The principal (identity user); assign one later otherwise' })
  principalUserId?: string | null;
}

export class CloseSchoolBody {
  @TextField(MAX_REASON, { example: 'Merged into North Campus' }) reason!: string;
}

export class PrincipalBody {
  @UuidField({ description: 'The principal (identity user)' }) principalUserId!: string;
}

export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Rows per page; the service default when left out' })
  limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}

export class SchoolsQuery extends PageQuery {
  @EnumField(['open', 'closed'], { optional: true, description: 'Only schools in this status' })
  status?: 'open' | 'closed';
}
