import { ArrayMaxSize, IsArray, IsUUID, ValidateIf } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, TextField } from '@hexfleet/platform';
import { MAX_TERMS, MAX_YEAR_NAME } from '../../domain';
import { NestedField } from './nested';

export class TermBody {
  @TextField(MAX_YEAR_NAME, { example: 'Term 1' }) name!: string;
  @DateField({ example: '2026-06-01' }) startDate!: string;
  @DateField({ example: '2026-09-30' }) endDate!: string;
}

export class PublishAcademicYearBody {
  @TextField(MAX_YEAR_NAME, { example: '2026-27' }) name!: string;
  @DateField({ example: '2026-06-01' }) startDate!: string;
  @DateField({ example: '2027-03-31', description: 'Inclusive; at most 18 months after startDate' }) endDate!: string;
  @NestedField(TermBody, {
    items: [1, MAX_TERMS],
    description: 'Inside the year, not overlapping',
    example: [{ name: 'Term 1', startDate: '2026-06-01', endDate: '2027-03-31' }],
  })
  terms!: TermBody[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 200,
    description: 'Open schools of the group it is published to; empty or left out: every school',
  })
  @ValidateIf((_: unknown, value: unknown) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  schoolIds?: string[];
}
