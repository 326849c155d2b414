import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted } from '../common/results';
import { PROFILE_USER_ID } from './profile.resolver';
import { LinkGuardianInput } from './profile.types';

const STUDENT_USER_ID = { ...PROFILE_USER_ID, description: 'The student’s user (UUID)' };
const GUARDIAN_USER_ID = { type: () => ID, description: 'The guardian’s user (UUID)' };
const guardiansPath = (userId: string) => `/profiles/${segment(userId)}/guardians`;

/** A student's guardians, on the student's profile: admins set them (the domain says who). */
@Resolver()
export class GuardiansResolver {
  constructor(private readonly rest: Rest) {}

  @Mutation(() => Accepted, {
    description: 'Link a guardian to a student: the first is the primary one, a second primary is refused.',
  })
  @Fronts('profile', 'POST /profiles/{userId}/guardians')
  linkGuardian(
    @Context() context: GqlContext,
    @Args('userId', STUDENT_USER_ID) userId: string,
    @Args('input') input: LinkGuardianInput,
  ) {
    return this.rest.accept(context, 'profile', 'POST', guardiansPath(userId), { ...input });
  }

  @Mutation(() => Accepted, {
    description: 'Unlink a guardian: never the last one, nor the primary one (make another primary first).',
  })
  @Fronts('profile', 'DELETE /profiles/{userId}/guardians/{guardianUserId}')
  unlinkGuardian(
    @Context() context: GqlContext,
    @Args('userId', STUDENT_USER_ID) userId: string,
    @Args('guardianUserId', GUARDIAN_USER_ID) guardianUserId: string,
  ) {
    return this.rest.accept(context, 'profile', 'DELETE', `${guardiansPath(userId)}/${segment(guardianUserId)}`);
  }

  @Mutation(() => Accepted, { description: 'Make a linked guardian the primary one (the former stays linked).' })
  @Fronts('profile', 'POST /profiles/{userId}/guardians/{guardianUserId}/primary')
  makePrimaryGuardian(
    @Context() context: GqlContext,
    @Args('userId', STUDENT_USER_ID) userId: string,
    @Args('guardianUserId', GUARDIAN_USER_ID) guardianUserId: string,
  ) {
    const path = `${guardiansPath(userId)}/${segment(guardianUserId)}/primary`;
    return this.rest.accept(context, 'profile', 'POST', path);
  }
}
