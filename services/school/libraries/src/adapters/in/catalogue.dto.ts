import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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

export class CatalogueTitleBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiProperty({ example: 'The Hobbit' }) @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiProperty({ type: [String], example: ['J. R. R. Tolkien'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  authors!: string[];
  @ApiPropertyOptional({ nullable: true, description: 'ISBN-10 or -13; hyphens allowed', example: '978-0-261-10221-7' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  isbn?: string | null;
  @ApiProperty({ example: 'book' }) @IsString() @MinLength(1) @MaxLength(40) itemType!: string;
}

export class AddCopyBody {
  @ApiProperty({ example: 'LIB-000123' }) @IsString() @MinLength(1) @MaxLength(64) barcode!: string;
  @ApiProperty({ example: 'FIC-TOL' }) @IsString() @MaxLength(64) shelf!: string;
}

export class SearchQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiPropertyOptional({ description: 'Part of the title' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) author?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) isbn?: string;
  @ApiPropertyOptional({ description: 'true: a copy is on the shelf now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  available?: boolean;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One cell of the loan-rule matrix; null category or item type means "any". */
export class LoanRuleBody {
  @ApiPropertyOptional({ nullable: true, example: 'student' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  patronCategory!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'book' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  itemType!: string | null;
  @ApiProperty({ example: 14 }) @IsInt() @Min(1) @Max(366) loanPeriodDays!: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) maxLoans!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) maxRenewals!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) maxHolds!: number;
  @ApiProperty({ description: 'Per chargeable late day, minor units', example: 200 })
  @IsInt()
  @Min(0)
  fineRatePerDayMinor!: number;
  @ApiProperty({ example: 'INR' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) graceDays!: number;
  @ApiPropertyOptional({ nullable: true, example: 5000 })
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  fineCapMinor!: number | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-03-31' })
  @ValidateIf((_, v) => v !== null)
  @Matches(DAY)
  hardDueDate!: string | null;
}

export class PlaceHoldBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() patronId!: string;
}

export class ReasonBody {
  @ApiProperty({ example: 'no longer needed' }) @IsString() @MaxLength(500) reason!: string;
}
