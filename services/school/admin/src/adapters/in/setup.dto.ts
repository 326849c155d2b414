import { DateField, PatternField, TextField, UuidField } from '@hexfleet/platform';
import { PageQuery } from './fields';

export class SpanBody {
  @TextField(60, { example: '2026-27', description: 'Unique in the school (years) or the year (terms)' }) name!: string;
  @DateField({ example: '2026-04-01' }) startDate!: string;
  @DateField({ example: '2027-03-31', description: 'Last day, inclusive; not before startDate' }) endDate!: string;
}

export class SubjectBody {
  @PatternField(/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/, '1 to 16 letters, digits or dashes', {
    example: 'MATH',
    description: 'Unique in the school; stored upper-case',
  })
  code!: string;
  @TextField(100, { example: 'Mathematics' }) name!: string;
}

export class GroupsQuery extends PageQuery {
  @UuidField({ optional: true, description: 'Only the groups of this academic year' }) yearId?: string;
}
