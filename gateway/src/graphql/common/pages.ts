import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';

/**
 * The one pagination convention of the GraphQL API (offset pages):
 * a growing collection takes `limit` and `offset` and answers a page with
 * `items`, the `limit` and `offset` it used, `hasMore`, and `total` when the
 * service counts. Small reference lists (leave types, venues, ...) are plain lists.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Items per page (1 to 200; 50 when absent)' })
  limit?: number;
  @Field(() => Int, { nullable: true, description: 'Items to skip (0 when absent)' })
  offset?: number;
}

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  hasMore: boolean;
  total: number | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The page's object type for an item type: `Paged(Employee)` is `EmployeePage`. */
export function Paged<T>(item: Type<T>, name = `${item.name}Page`) {
  @ObjectType(name, { description: `A page of ${item.name} (offset pagination)` })
  class PageOf implements Page<T> {
    @Field(() => [item]) items!: T[];
    @Field(() => Int) limit!: number;
    @Field(() => Int) offset!: number;
    @Field({ description: 'Whether a next page exists (ask again with offset + limit)' }) hasMore!: boolean;
    @Field(() => Int, { nullable: true, description: 'All matching items, where the service counts them' })
    total!: number | null;
  }
  return PageOf;
}
