import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { CalendarDate } from '@hexfleet/kernel';

/**
 * Each decorator documents a request field in /openapi.json and validates it
 * (400 naming the field), from one statement: the document says exactly what
 * a request is refused for, and the bad-input test derives its cases from it.
 */
interface Doc {
  description?: string;
  example?: unknown;
  optional?: boolean;
}

const field = ({ optional, ...doc }: Doc, schema: ApiPropertyOptions, ...rules: PropertyDecorator[]) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ ...schema, ...doc } as ApiPropertyOptions) : ApiProperty({ ...schema, ...doc }),
    ...(optional ? [IsOptional()] : []),
    ...rules,
  );

/** Text that must match `pattern`; `what` completes "<field> must be ...". */
const PatternField = (pattern: RegExp, what: string, doc: Doc) =>
  field(
    doc,
    { type: String, pattern: pattern.source },
    Matches(pattern, { message: (a) => `${a.property} must be ${what}` }),
  );

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PeriodField = (doc: Doc = {}) => PatternField(PERIOD, 'a month YYYY-MM', { example: '2026-04', ...doc });
export const CurrencyField = (doc: Doc = {}) =>
  PatternField(/^[A-Z]{3}$/, 'an ISO 4217 code', { example: 'EUR', ...doc });
export const CodeField = (doc: Doc = {}) =>
  PatternField(/^[A-Z][A-Z0-9_]{0,19}$/, 'A-Z, 0-9 and _, up to 20, starting with a letter', doc);

export const DateField = (doc: Doc = {}) =>
  field(
    { example: '2026-04-01', ...doc },
    { type: String, format: 'date' },
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => CalendarDate.isValid(value),
        defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD that exists`,
      },
    }),
  );

export const UuidField = (doc: Doc = {}) => field(doc, { type: String, format: 'uuid' }, IsUUID());

export const TextField = (maxLength: number, doc: Doc = {}) =>
  field(
    doc,
    { type: String, maxLength, ...(doc.optional ? {} : { minLength: 1 }) },
    IsString(),
    MaxLength(maxLength),
    ...(doc.optional ? [] : [IsNotEmpty()]),
  );

export const EnumField = (values: readonly string[], doc: Doc = {}) =>
  field({ example: values[0], ...doc }, { enum: [...values] }, IsIn([...values]));

export const BooleanField = (doc: Doc = {}) => field(doc, { type: Boolean }, IsBoolean());

/** An integer; in a query (`query`) the text is converted first, so "abc" fails as NaN. */
export const IntField = (minimum: number, maximum: number, doc: Doc & { query?: boolean; default?: number } = {}) => {
  const { query, default: byDefault, ...rest } = doc;
  const schema: ApiPropertyOptions = {
    type: 'integer',
    minimum,
    maximum,
    ...(byDefault === undefined ? {} : { default: byDefault }),
  };
  return field(
    { example: byDefault ?? minimum, ...rest },
    schema,
    ...(query ? [Type(() => Number)] : []),
    IsInt(),
    Min(minimum),
    Max(maximum),
  );
};

/** `:id` in a path: a UUID, or 400 naming `id`. */
export class IdParam {
  @UuidField() id!: string;
}

/** `:period` in a path: a month, or 400 naming `period`. */
export class PeriodParam {
  @PeriodField() period!: string;
}
