import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

// Fields of query strings, as several endpoints take them.

/** The most ids one batch lookup takes (the gateway's loaders ask for a page's worth at once). */
export const MAX_BATCH_IDS = 100;

/**
 * `ids=a,b,c`: comma-separated UUIDs, 1 to 100, for a batch lookup (what the
 * gateway's DataLoaders send so a page of loans reads all its titles in one call).
 */
export function BatchIds(what: string, { optional = false }: { optional?: boolean } = {}) {
  const doc = {
    description: `Comma-separated ${what} ids, 1 to ${MAX_BATCH_IDS}: exactly these (a batch lookup)`,
    type: String,
    pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$',
    maxLength: MAX_BATCH_IDS * 37,
    example: '00000000-0000-4000-8000-000000000000',
  };
  return applyDecorators(
    optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.split(',').filter(Boolean) : value,
    ),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_BATCH_IDS),
    IsUUID('all', { each: true }),
  );
}

/** `limit`: a page of 1 to 200 rows (`fallback` when absent; all of them when there is none). */
export function LimitField(fallback?: number) {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: 200,
      ...(fallback === undefined ? { description: 'A page of this many; all when absent' } : { default: fallback }),
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(200),
  );
}

/** `offset`: rows to skip, 0 when absent. */
export function OffsetField() {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
  );
}
