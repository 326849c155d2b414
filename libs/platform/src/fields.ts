import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
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
 * Field decorators that document (OpenAPI) and validate (class-validator) a
 * request field from one statement, so the published document says exactly
 * what a request is refused for (400 naming the field), and the bad-input
 * walks derive their cases from it.
 */
export interface FieldDoc {
  description?: string;
  example?: unknown;
  optional?: boolean;
}

const field = ({ optional, ...doc }: FieldDoc, schema: ApiPropertyOptions, ...rules: PropertyDecorator[]) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ ...schema, ...doc } as ApiPropertyOptions) : ApiProperty({ ...schema, ...doc }),
    ...(optional ? [IsOptional()] : []),
    ...rules,
  );

/** Text that must match `pattern`; `what` completes "<field> must be ...". */
export const PatternField = (pattern: RegExp, what: string, doc: FieldDoc = {}) =>
  field(
    doc,
    { type: String, pattern: pattern.source },
    Matches(pattern, { message: ({ property }) => `${property} must be ${what}` }),
  );

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month, YYYY-MM (a pay period, a calendar page). */
export const MonthField = (doc: FieldDoc = {}) =>
  PatternField(MONTH, 'a month YYYY-MM', { example: '2026-04', ...doc });

/** A calendar date that exists: 2026-02-30 is refused here, not deep in a command. */
export const DateField = (doc: FieldDoc = {}) =>
  field(
    { example: '2026-04-01', ...doc },
    { type: String, format: 'date' },
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => CalendarDate.isValid(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD that exists`,
      },
    }),
  );

export const UuidField = (doc: FieldDoc = {}) => field(doc, { type: String, format: 'uuid' }, IsUUID());

/** Text up to `maxLength`; required text may not be empty. */
export const TextField = (maxLength: number, doc: FieldDoc = {}) =>
  field(
    doc,
    { type: String, maxLength, ...(doc.optional ? {} : { minLength: 1 }) },
    IsString(),
    MaxLength(maxLength),
    ...(doc.optional ? [] : [IsNotEmpty()]),
  );

export const EmailField = (doc: FieldDoc = {}) =>
  field(
    { example: 'ada@example.com', ...doc },
    { type: String, format: 'email', maxLength: 254 },
    IsEmail(),
    MaxLength(254),
  );

export const EnumField = (values: readonly string[], doc: FieldDoc = {}) =>
  field({ example: values[0], ...doc }, { enum: [...values] }, IsIn([...values]));

export const BooleanField = (doc: FieldDoc = {}) => field(doc, { type: Boolean }, IsBoolean());

/** An integer; in a query (`query`) the text is converted first, so "abc" then fails as NaN. */
export const IntField = (
  minimum: number,
  maximum: number,
  doc: FieldDoc & { query?: boolean; default?: number } = {},
) => {
  const { query, default: byDefault, ...rest } = doc;
  return field(
    { example: byDefault ?? minimum, ...rest },
    { type: 'integer', minimum, maximum, ...(byDefault === undefined ? {} : { default: byDefault }) },
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
