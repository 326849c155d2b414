import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateIf, ValidateNested } from 'class-validator';

type Class = new () => object;

/**
 * A nested body (or a list of them, `items: [min, max]`), documented and validated in one
 * statement like the platform's fields; `nullable` takes null (and leaving it out) as "none".
 */
export const NestedField = (
  type: Class,
  {
    items,
    nullable,
    description,
    example,
  }: { items?: [number, number]; nullable?: boolean; description?: string; example?: unknown } = {},
) =>
  applyDecorators(
    (nullable ? ApiPropertyOptional : ApiProperty)({
      type: items ? [type] : type,
      description,
      example,
      ...(nullable ? { nullable: true } : {}),
      ...(items ? { minItems: items[0], maxItems: items[1] } : {}),
    }),
    ...(nullable ? [ValidateIf((_: unknown, value: unknown) => value !== null && value !== undefined)] : []),
    ...(items ? [IsArray(), ArrayMinSize(items[0]), ArrayMaxSize(items[1]), IsObject({ each: true })] : [IsObject()]),
    ValidateNested({ each: Boolean(items) }),
    Type(() => type),
  );
