import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IntField, PatternField } from '@hexfleet/platform';

// Admin's request fields beyond the platform's (documented and validated from one statement).

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A wall-clock time HH:mm (24 h). */
export const TimeField = (doc: { description?: string; example?: string } = {}) =>
  PatternField(TIME, 'a time HH:mm (24 h)', { example: '09:00', ...doc });

/** A list of `item` bodies, each validated, between `min` and `max` long. */
export const ListOf = (
  item: new () => object,
  min: number,
  max: number,
  doc: { description?: string; example?: object[] } = {},
) =>
  applyDecorators(
    ApiProperty({ type: [item], minItems: min, maxItems: max, ...doc }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => item),
  );

/** ISO weekdays (1 = Monday ... 7 = Sunday), optional. */
export const WeekdaysField = (doc: { description?: string } = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: [Number], minItems: 1, maxItems: 7, example: [1, 3], ...doc }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(7),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(7, { each: true }),
  );

export const RollNumberField = () =>
  IntField(1, 9999, { optional: true, description: 'Unique in the group; left out, one past the highest' });

export class PageQuery {
  @IntField(1, 200, { optional: true, query: true, description: 'Rows per page; the service default when left out' })
  limit?: number;
  @IntField(0, 1_000_000, { optional: true, query: true, default: 0 }) offset?: number;
}
