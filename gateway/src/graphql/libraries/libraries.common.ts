import type { Type } from '@nestjs/common';
import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { UpstreamReply } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import type { CommandResult } from '../common/results';
import { CatalogueTitle, Patron } from './libraries.types';

/** An argument naming one thing by its id: `@Args('loanId', idOf('loan'))`. */
export const idOf = (what: string) => ({ type: () => ID, description: `UUID of the ${what}` });

/** A row's title, as the catalogue shows it: batched, one Libraries call per request for all of them. */
export const titleOf = (context: GqlContext, titleId: string) =>
  fromUpstream(callerOf(context).loaders.title.load(titleId));

/** A row's patron: batched likewise; null for one the caller may not see. */
export const patronOf = (context: GqlContext, patronId: string) =>
  fromUpstream(callerOf(context).loaders.patron.load(patronId));

/** A creation's answer as a `CommandResult`: the id Libraries answered under `key`, and the write's token. */
export async function created<K extends string>(
  reply: Promise<UpstreamReply<Record<K, string>>>,
  key: K,
): Promise<CommandResult> {
  const { body, consistencyToken } = await reply;
  return { id: body[key], consistencyToken };
}

/**
 * The base of the resolver of a row that names a title and a patron (a loan, a hold):
 * its `catalogueEntry` and `patron` fields, each batched across the whole response.
 */
export function WithTitleAndPatron<T extends { titleId: string; patronId: string }>(row: Type<T>) {
  @Resolver(() => row, { isAbstract: true })
  abstract class TitleAndPatronFields {
    @ResolveField(() => CatalogueTitle, {
      nullable: true,
      description: 'The title as the catalogue shows it now. Batched: one Libraries call for all of them.',
    })
    catalogueEntry(@Parent() item: T, @Context() context: GqlContext) {
      return titleOf(context, item.titleId);
    }

    @ResolveField(() => Patron, { nullable: true, description: 'Batched: one Libraries call for all of them.' })
    patron(@Parent() item: T, @Context() context: GqlContext) {
      return patronOf(context, item.patronId);
    }
  }
  return TitleAndPatronFields;
}
