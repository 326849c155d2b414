import { Args, Context, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Upstreams } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { segment } from '../common/paths';
import { fromUpstream } from '../common/errors';

@ObjectType({ description: 'A person’s profile (what the caller may see of it), from the profile service.' })
export class Profile implements views.profile.ProfileCard {
  @Field(() => ID) userId!: string;
  @Field() product!: string;
  @Field() status!: string;
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) preferredName!: string | null;
  @Field(() => String, { nullable: true }) avatarUrl!: string | null;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => String, { nullable: true }) designation!: string | null;
  @Field(() => String, { nullable: true }) className!: string | null;
}

@Resolver()
export class ProfileResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => Profile, { description: 'The caller’s own profile (created from their registration).' })
  async myProfile(@Context() context: GqlContext) {
    return (await fromUpstream(this.upstreams.call<Profile>('profile', callerOf(context), 'GET', '/profiles/me'))).body;
  }

  @Query(() => Profile, {
    nullable: true,
    description: 'Someone’s profile; null when it does not exist for the caller.',
  })
  async profile(@Context() context: GqlContext, @Args('userId', { type: () => ID }) userId: string) {
    const path = `/profiles/${segment(userId)}`;
    return fromUpstream(this.upstreams.call<Profile>('profile', callerOf(context), 'GET', path)).then(
      (reply) => reply.body,
      (error: { extensions?: { status?: number } }) => {
        if (error.extensions?.status === 404) return null;
        throw error;
      },
    );
  }
}
