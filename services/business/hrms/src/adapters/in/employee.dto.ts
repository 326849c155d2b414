import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Shape only; whether the day exists (2026-02-30) is the domain's `invalid-date` (422). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

export class HireEmployeeBody {
  @ApiProperty({ example: 'Ada' }) @IsString() @MaxLength(100) firstName!: string;
  @ApiPropertyOptional({ example: 'Lovelace' }) @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @ApiProperty({ example: 'ada@example.com' }) @IsEmail() @MaxLength(254) workEmail!: string;
  @ApiProperty({ example: '2026-03-01' }) @Matches(ISO_DATE, { message: DATE_MESSAGE }) joiningDate!: string;
  @ApiProperty({ example: 'Engineering' }) @IsString() @MaxLength(100) department!: string;
  @ApiProperty({ example: 'Software Engineer' }) @IsString() @MaxLength(100) designation!: string;
  @ApiProperty({ example: 'full-time' }) @IsString() @MaxLength(50) employmentType!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() managerId?: string;
  @ApiPropertyOptional({ description: 'Identity user id of the person' }) @IsOptional() @IsString() userId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() holidayListId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() candidateId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() jobOpeningId?: string;
}

export class PromoteEmployeeBody {
  @ApiProperty() @IsString() @MaxLength(100) toDesignation!: string;
  @ApiProperty({ example: '2026-06-01' }) @Matches(ISO_DATE, { message: DATE_MESSAGE }) effectiveDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class TransferEmployeeBody {
  @ApiProperty() @IsString() @MaxLength(100) toDepartment!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() toManagerId?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() holidayListId?: string;
  @ApiProperty() @Matches(ISO_DATE, { message: DATE_MESSAGE }) effectiveDate!: string;
}

export class SeparateEmployeeBody {
  @ApiProperty({ example: '2026-04-15' }) @Matches(ISO_DATE, { message: DATE_MESSAGE }) relievingDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class DirectoryQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) designation?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() managerId?: string;
  @ApiPropertyOptional({ enum: ['active', 'separated'] })
  @IsOptional()
  @IsIn(['active', 'separated'])
  status?: 'active' | 'separated';
  @ApiPropertyOptional({ description: 'Part of a name or work email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ description: 'Comma-separated employee ids: exactly these (batch lookup)', example: '' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  ids?: string[];
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
