import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Dashboard, RangeArgs } from './hq.types';

/** HQ’s consolidated dashboards: a school’s (fenced) and the group’s (HQ). */
@Resolver(() => Dashboard)
export class DashboardsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => Dashboard, { nullable: true, description: 'A school’s dashboard; null outside the caller’s schools.' })
  @Fronts('hq', 'GET /schools/{id}/dashboard')
  schoolDashboard(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args() range: RangeArgs,
  ) {
    return this.rest.find<Dashboard>(
      context,
      'hq',
      withQuery(`/schools/${segment(schoolId)}/dashboard`, rangeOf(range)),
    );
  }

  @Query(() => Dashboard, { description: 'The group’s dashboard: every school’s counts together (HQ).' })
  @Fronts('hq', 'GET /dashboard')
  groupDashboard(@Context() context: GqlContext, @Args() range: RangeArgs) {
    return this.rest.get<Dashboard>(context, 'hq', withQuery('/dashboard', rangeOf(range)));
  }
}

/** The range's own arguments (Nest hands an args class every argument of the field). */
const rangeOf = ({ from, to, interval }: RangeArgs) => ({ from, to, interval });
