import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';

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
