import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Rollover } from './hq.types';

/** The year-end rollover (HQ): run once per ending year, resumed by running it again. */
@Resolver(() => Rollover)
export class RolloverResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => Rollover, { nullable: true, description: 'How far the rollover of a year got; null before it started.' })
  @Fronts('hq', 'GET /rollovers/{id}')
  rollover(@Context() context: GqlContext, @Args('fromYearId', { type: () => ID }) fromYearId: string) {
    return this.rest.find<Rollover>(context, 'hq', `/rollovers/${segment(fromYearId)}`);
  }

  @Mutation(() => Rollover, {
    description: 'Run (or resume) the rollover from one published year to the next: each open school once (HQ).',
  })
  @Fronts('hq', 'POST /rollovers')
  async runRollover(
    @Context() context: GqlContext,
    @Args('fromYearId', { type: () => ID }) fromYearId: string,
    @Args('toYearId', { type: () => ID }) toYearId: string,
  ): Promise<Rollover> {
    return (await this.rest.send<Rollover>(context, 'hq', 'POST', '/rollovers', { fromYearId, toYearId })).body;
  }
}
