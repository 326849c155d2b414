import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { DateField, EmailField, EnumField, IntField, TextField, UuidField } from './fields';

export class HireEmployeeBody {
  @TextField(100, { example: 'Ada' }) firstName!: string;
  @TextField(100, { example: 'Lovelace', optional: true }) lastName?: string;
  @EmailField() workEmail!: string;
  @DateField({ example: '2026-03-01' }) joiningDate!: string;
  @TextField(100, { example: 'Engineering' }) department!: string;
  @TextField(100, { example: 'Software Engineer' }) designation!: string;
  @TextField(50, { example: 'full-time' }) employmentType!: string;
  @UuidField({ optional: true }) managerId?: string;
  @TextField(100, { optional: true, description: 'Identity user id of the person' }) userId?: string;
  @UuidField({ optional: true }) holidayListId?: string;
  @UuidField({ optional: true }) candidateId?: string;
  @UuidField({ optional: true }) jobOpeningId?: string;
}

export class PromoteEmployeeBody {
  @TextField(100, { example: 'Staff Engineer' }) toDesignation!: string;
  @DateField({ example: '2026-06-01' }) effectiveDate!: string;
  @TextField(500, { optional: true }) note?: string;
}

export class TransferEmployeeBody {
  @TextField(100, { example: 'Research' }) toDepartment!: string;
  @UuidField({ optional: true }) toManagerId?: string;
  @UuidField({ optional: true }) holidayListId?: string;
  @DateField({ example: '2026-06-01' }) effectiveDate!: string;
}

export class SeparateEmployeeBody {
  @DateField({ example: '2026-04-15' }) relievingDate!: string;
  @TextField(500, { optional: true }) reason?: string;
}

/** Paging of a list: `limit` rows from `offset`. */
export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, default: 50 }) limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}

export class DirectoryQuery extends PageQuery {
  @TextField(100, { optional: true }) department?: string;
  @TextField(100, { optional: true }) designation?: string;
  @UuidField({ optional: true }) managerId?: string;
  @EnumField(['active', 'separated'], { optional: true }) status?: 'active' | 'separated';
  @TextField(100, { optional: true, description: 'Part of a name or work email' }) search?: string;
  @ApiPropertyOptional({
    description: 'Comma-separated employee ids, at most 200: exactly these (a batch lookup)',
    type: String,
    pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$',
    maxLength: 200 * 37,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  ids?: string[];
}
