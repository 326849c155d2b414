import { DateField, TextField, UuidField } from '@hexfleet/platform';

export class ImportQuery {
  @UuidField({ description: 'The academic year every row is enrolled for' }) yearId!: string;
  @DateField({ example: '2026-04-01', description: 'The day of admission and enrolment, inside the year' })
  enrolledOn!: string;
  @TextField(200, { optional: true, example: 'grade-5.csv', description: 'Shown in the import report' })
  fileName?: string;
}
