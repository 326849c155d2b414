import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { BatchIds, LimitField, OffsetField } from './query.dto';

// Every constraint is also in the OpenAPI document, where clients (and the bad-input test) read it.

export class CatalogueTitleBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'The Hobbit' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;
  @ApiProperty({ type: [String], maxItems: 20, example: ['J. R. R. Tolkien'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  authors!: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 20,
    description: 'ISBN-10 or -13; hyphens allowed',
    example: '978-0-261-10221-7',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  isbn?: string | null;
  @ApiProperty({ minLength: 1, maxLength: 40, example: 'book' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  itemType!: string;
}

export class AddCopyBody {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'LIB-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  barcode!: string;
  @ApiProperty({ maxLength: 64, example: 'FIC-TOL' }) @IsString() @MaxLength(64) shelf!: string;
}

export class SearchQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The school whose catalogue to search; required unless `ids`' })
  @ValidateIf((query: SearchQuery) => query.ids === undefined || query.schoolId !== undefined)
  @IsUUID()
  schoolId?: string;
  @BatchIds('title', { optional: true }) ids?: string[];
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) author?: string;
  @ApiPropertyOptional({ maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) isbn?: string;
  @ApiPropertyOptional({ description: 'true: a copy is on the shelf now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  available?: boolean;
  @LimitField(50) limit?: number;
  @OffsetField() offset?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const nullable = (_: unknown, v: unknown) => v !== null;

/** One cell of the loan-rule matrix; null category or item type means "any". */
export class LoanRuleBody {
  @ApiProperty({ type: String, nullable: true, minLength: 1, maxLength: 40, example: 'student' })
  @ValidateIf(nullable)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  patronCategory!: string | null;
  @ApiProperty({ type: String, nullable: true, minLength: 1, maxLength: 40, example: 'book' })
  @ValidateIf(nullable)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  itemType!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 366, example: 14 })
  @IsInt()
  @Min(1)
  @Max(366)
  loanPeriodDays!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000, example: 3 })
  @IsInt()
  @Min(0)
  @Max(1000)
  maxLoans!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 2 })
  @IsInt()
  @Min(0)
  @Max(100)
  maxRenewals!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000, example: 2 })
  @IsInt()
  @Min(0)
  @Max(1000)
  maxHolds!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100_000_000,
    description: 'Per chargeable late day, minor units',
    example: 200,
  })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  fineRatePerDayMinor!: number;
  @ApiProperty({ example: 'INR', description: 'ISO 4217' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 366, example: 2 }) @IsInt() @Min(0) @Max(366) graceDays!: number;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000_000, example: 5000 })
  @ValidateIf(nullable)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  fineCapMinor!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', pattern: DAY.source, example: '2026-03-31' })
  @ValidateIf(nullable)
  @Matches(DAY)
  hardDueDate!: string | null;
}

/** Which cell: an absent axis means "any". */
export class LoanRuleCellQuery {
  @ApiPropertyOptional({ minLength: 1, maxLength: 40, example: 'student' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  patronCategory?: string;
  @ApiPropertyOptional({ minLength: 1, maxLength: 40, example: 'dvd' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  itemType?: string;
}

export class PlaceHoldBody {
  @ApiProperty({ format: 'uuid', description: 'Staff: any patron; a patron: their own' }) @IsUUID() patronId!: string;
}

export class ReasonBody {
  @ApiProperty({ maxLength: 500, example: 'no longer needed' }) @IsString() @MaxLength(500) reason!: string;
}

export class NoteBody {
  @ApiProperty({ maxLength: 500, example: 'water damage, pages 10-40' }) @IsString() @MaxLength(500) note!: string;
}
