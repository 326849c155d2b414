import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted } from '../common/results';
import { idOf } from './libraries.common';

const TEXT = { description: 'Up to 500 characters' };

/** A copy's life outside circulation (library staff). A copy lost while on loan is declared through its loan. */
@Resolver()
export class CopiesResolver {
  constructor(private readonly rest: Rest) {}

  @Mutation(() => Accepted, { description: 'Take a damaged copy off the shelf (409 copy-not-on-shelf unless there).' })
  @Fronts('libraries', 'POST /copies/{copyId}/damaged')
  markCopyDamaged(
    @Context() context: GqlContext,
    @Args('copyId', idOf('copy')) copyId: string,
    @Args('note', TEXT) note: string,
  ) {
    return this.change(context, copyId, 'damaged', { note });
  }

  @Mutation(() => Accepted, { description: 'A repaired copy goes back on the shelf.' })
  @Fronts('libraries', 'POST /copies/{copyId}/repair')
  repairCopy(@Context() context: GqlContext, @Args('copyId', idOf('copy')) copyId: string) {
    return this.change(context, copyId, 'repair');
  }

  @Mutation(() => Accepted, {
    description: 'Withdraw a copy from the collection (not while lent or on the hold shelf).',
  })
  @Fronts('libraries', 'POST /copies/{copyId}/withdraw')
  withdrawCopy(
    @Context() context: GqlContext,
    @Args('copyId', idOf('copy')) copyId: string,
    @Args('reason', TEXT) reason: string,
  ) {
    return this.change(context, copyId, 'withdraw', { reason });
  }

  @Mutation(() => Accepted, { description: 'A copy missing from the shelf (one on loan: declareLoanLost).' })
  @Fronts('libraries', 'POST /copies/{copyId}/lost')
  markCopyLost(@Context() context: GqlContext, @Args('copyId', idOf('copy')) copyId: string) {
    return this.change(context, copyId, 'lost');
  }

  private change(context: GqlContext, copyId: string, action: string, body?: object) {
    return this.rest.accept(context, 'libraries', 'POST', `/copies/${segment(copyId)}/${action}`, body);
  }
}
