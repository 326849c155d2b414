import { Context, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Upstreams } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';

@ObjectType({ description: 'The signed-in user, from the identity service.' })
export class Me {
  @Field(() => ID) userId!: string;
  @Field() tenant!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => [String]) roles!: string[];
  @Field() emailVerified!: boolean;
  @Field() totpEnabled!: boolean;
}

@Resolver()
export class IdentityResolver {
  constructor(private readonly upstreams: Upstreams) {}

  @Query(() => Me, { description: 'Who the token belongs to.' })
  async me(@Context() context: GqlContext) {
    return (await fromUpstream(this.upstreams.call<Me>('identity', callerOf(context), 'GET', '/me'))).body;
  }
}
