import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, idOf, WithTitleAndPatron } from './libraries.common';
import { Hold } from './libraries.types';

/** The holds queue through the gateway: the desk for anyone, a signed-in patron for themself. */
@Resolver(() => Hold)
export class HoldsResolver extends WithTitleAndPatron(Hold) {
  constructor(private readonly rest: Rest) {
    super();
  }

  @Query(() => [Hold], { description: 'A title’s queue (library staff): ready (on the hold shelf), then waiting.' })
  @Fronts('libraries', 'GET /titles/{titleId}/holds')
  titleHolds(@Context() context: GqlContext, @Args('titleId', idOf('title')) titleId: string) {
    return this.rest.get<Hold[]>(context, 'libraries', `/titles/${segment(titleId)}/holds`);
  }

  @Query(() => [Hold], { description: 'A patron’s open holds and places in queue (staff, or the patron themself).' })
  @Fronts('libraries', 'GET /patrons/{patronId}/holds')
  patronHolds(@Context() context: GqlContext, @Args('patronId', idOf('patron')) patronId: string) {
    return this.rest.get<Hold[]>(context, 'libraries', `/patrons/${segment(patronId)}/holds`);
  }

  @Mutation(() => CommandResult, {
    description: 'Join a title’s holds queue (staff for any patron, a patron for themself); the hold’s id is the id.',
  })
  @Fronts('libraries', 'POST /titles/{titleId}/holds')
  placeHold(
    @Context() context: GqlContext,
    @Args('titleId', idOf('title')) titleId: string,
    @Args('patronId', idOf('patron')) patronId: string,
  ) {
    const path = `/titles/${segment(titleId)}/holds`;
    return created(this.rest.send<{ holdId: string }>(context, 'libraries', 'POST', path, { patronId }), 'holdId');
  }

  @Mutation(() => Accepted, { description: 'Cancel a hold; a copy waiting for it goes to the next in line.' })
  @Fronts('libraries', 'DELETE /titles/{titleId}/holds/{holdId}')
  cancelHold(
    @Context() context: GqlContext,
    @Args('titleId', idOf('title')) titleId: string,
    @Args('holdId', idOf('hold')) holdId: string,
    @Args('reason', { description: 'Up to 500 characters' }) reason: string,
  ) {
    const path = `/titles/${segment(titleId)}/holds/${segment(holdId)}`;
    return this.rest.accept(context, 'libraries', 'DELETE', path, { reason });
  }
}
