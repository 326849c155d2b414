import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import {
  BooleanField,
  CodeField,
  CurrencyField,
  DateField,
  EnumField,
  IntField,
  PeriodField,
  TextField,
  UuidField,
} from './fields';

/** Minor units stay exact in a JavaScript number up to 2^53 - 1. */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

export class DefineComponentBody {
  @CodeField({ example: 'BASIC', description: 'What formulas name' }) code!: string;
  @TextField(100, { example: 'Basic salary' }) name!: string;
  @EnumField(['earning', 'deduction']) kind!: 'earning' | 'deduction';
}

export class SalaryLineBody {
  @UuidField() componentId!: string;
  @EnumField(['fixed', 'percent_of_base', 'percent_of_component']) method!:
    'fixed' | 'percent_of_base' | 'percent_of_component';
  @IntField(0, MAX_MINOR, { optional: true, description: 'fixed: amount in minor units' }) amountMinor?: number;
  @IntField(0, 100_000, { optional: true, description: 'percent methods: basis points (10000 = 100%)' })
  basisPoints?: number;
  @CodeField({ optional: true, example: 'BASIC', description: 'percent_of_component: code of a line above' })
  ofComponent?: string;
  @BooleanField({ optional: true, description: 'Scaled by payment days (default true)' }) prorated?: boolean;
}

export class DefineStructureBody {
  @TextField(100, { example: 'Engineering 2026' }) name!: string;
  @CurrencyField() currency!: string;
  @applyDecorators(
    ApiProperty({ type: [SalaryLineBody], minItems: 1, maxItems: 50 }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => SalaryLineBody),
  )
  lines!: SalaryLineBody[];
}

export class AssignStructureBody {
  @UuidField() structureId!: string;
  @DateField({ example: '2026-03-02' }) fromDate!: string;
  @IntField(0, MAX_MINOR, { example: 310000, description: 'Monthly base, minor units' }) baseMinor!: number;
}

export class CreateRunBody {
  @PeriodField() period!: string;
  @CurrencyField() currency!: string;
}

export class ReasonBody {
  @TextField(500, { optional: true }) reason?: string;
}

export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, default: 50 }) limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}

/** A page when asked for; everything when not (what the route answered before it paged). */
export class OptionalPageQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Items per page; all when absent' }) limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}

export class PeriodQuery {
  @PeriodField({ description: 'Pay period' }) period!: string;
}
