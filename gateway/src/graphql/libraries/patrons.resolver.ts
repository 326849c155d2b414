import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, idOf } from './libraries.common';
import { RegisterPatronInput } from './libraries.inputs';
import { Patron } from './libraries.types';

const REASON = { description: 'Up to 500 characters' };

/** Library patrons and their standing (library staff); a patron reads only themself. */
@Resolver(() => Patron)
export class PatronsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => Patron, {
    nullable: true,
    description: 'One patron (staff: any; anyone else: only their own); null when there is none.',
  })
  @Fronts('libraries', 'GET /patrons')
  async patron(@Context() context: GqlContext, @Args('patronId', idOf('patron')) patronId: string) {
    // Not through the loader: a read of its own says how fresh it was (extensions.consistency).
    const [patron] = await this.rest.get<Patron[]>(context, 'libraries', withQuery('/patrons', { ids: [patronId] }));
    return patron ?? null;
  }

  @Mutation(() => CommandResult, { description: 'Register a library patron of a school (library staff).' })
  @Fronts('libraries', 'POST /patrons')
  registerPatron(@Context() context: GqlContext, @Args('input') input: RegisterPatronInput) {
    return created(
      this.rest.send<{ patronId: string }>(context, 'libraries', 'POST', '/patrons', { ...input }),
      'patronId',
    );
  }

  @Mutation(() => Accepted, { description: 'Block a patron from borrowing and holding (library staff).' })
  @Fronts('libraries', 'POST /patrons/{patronId}/block')
  blockPatron(
    @Context() context: GqlContext,
    @Args('patronId', idOf('patron')) patronId: string,
    @Args('reason', REASON) reason: string,
  ) {
    return this.change(context, patronId, 'POST', 'block', { reason });
  }

  @Mutation(() => Accepted, { description: 'Lift a patron’s block (library staff).' })
  @Fronts('libraries', 'POST /patrons/{patronId}/unblock')
  unblockPatron(@Context() context: GqlContext, @Args('patronId', idOf('patron')) patronId: string) {
    return this.change(context, patronId, 'POST', 'unblock');
  }

  @Mutation(() => Accepted, { description: 'Withdraw a patron from the library (library staff).' })
  @Fronts('libraries', 'POST /patrons/{patronId}/withdraw')
  withdrawPatron(
    @Context() context: GqlContext,
    @Args('patronId', idOf('patron')) patronId: string,
    @Args('reason', REASON) reason: string,
  ) {
    return this.change(context, patronId, 'POST', 'withdraw', { reason });
  }

  @Mutation(() => Accepted, {
    description: 'Change a patron’s category (library staff): its loan rules apply from the next checkout.',
  })
  @Fronts('libraries', 'PUT /patrons/{patronId}/category')
  changePatronCategory(
    @Context() context: GqlContext,
    @Args('patronId', idOf('patron')) patronId: string,
    @Args('category', { description: 'student, teacher, ... (1 to 40 characters)' }) category: string,
  ) {
    return this.change(context, patronId, 'PUT', 'category', { category });
  }

  private change(context: GqlContext, patronId: string, method: string, action: string, body?: object) {
    return this.rest.accept(context, 'libraries', method, `/patrons/${segment(patronId)}/${action}`, body);
  }
}
