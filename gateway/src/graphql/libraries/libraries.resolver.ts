import { Args, Context, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Upstreams } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { segment, withQuery } from '../common/paths';
import { fromUpstream } from '../common/errors';

@ObjectType({ description: 'One line of a school’s activity feed (loans, returns, ...).' })
export class ActivityItem implements views.events.ActivityItem {
  @Field(() => ID) eventId!: string;
  @Field() kind!: string;
  @Field() subject!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => ID) refId!: string;
  @Field() occurredAt!: string;
}

/** The school activity feed (the events module's; it moves to graphql/events/). */
@Resolver()
export class LibrariesResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => [ActivityItem], { description: 'A school’s activity, newest first.' })
  async schoolActivity(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    const path = withQuery(`/schools/${segment(schoolId)}/activity`, { limit });
    return (await fromUpstream(this.upstreams.call<ActivityItem[]>('events', callerOf(context), 'GET', path))).body;
  }
}
