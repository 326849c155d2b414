import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted } from '../common/results';
import { Employee } from '../hrms/hrms.types';
import { AppFieldsInput, PreferencesInput, Profile, ProfilePage, UpdateProfileInput } from './profile.types';
import type { ProfileAnswer } from './profile.types';

export const PROFILE_USER_ID = { type: () => ID, description: 'The person’s user (UUID)' };
const profilePath = (userId: string) => `/profiles/${segment(userId)}`;

/** Profiles: the directory, one's own and others' (as far as the caller may see them), and their changes. */
@Resolver(() => Profile)
export class ProfileResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => ProfilePage, { description: "The tenant's directory: active profiles by name, as cards (staff)." })
  @Fronts('profile', 'GET /profiles')
  profiles(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('query', { nullable: true, description: 'Part of a name or an email (at most 100 characters)' })
    query?: string,
  ) {
    return this.rest.page<ProfileAnswer>(context, 'profile', '/profiles', page, { query });
  }

  @Query(() => Profile, { description: 'The caller’s own profile (created from their registration).' })
  @Fronts('profile', 'GET /profiles/me')
  myProfile(@Context() context: GqlContext) {
    return this.rest.get<ProfileAnswer>(context, 'profile', '/profiles/me');
  }

  @Query(() => Profile, {
    nullable: true,
    description: 'Someone’s profile; null when it does not exist for the caller.',
  })
  @Fronts('profile', 'GET /profiles/{userId}')
  profile(@Context() context: GqlContext, @Args('userId', PROFILE_USER_ID) userId: string) {
    return this.rest.find<ProfileAnswer>(context, 'profile', profilePath(userId));
  }

  @ResolveField(() => Employee, {
    nullable: true,
    description: 'The HRMS employee of an account made at hiring (batched: one HRMS call per request).',
  })
  employee(@Parent() profile: ProfileAnswer, @Context() context: GqlContext) {
    const employeeId = 'employeeId' in profile ? profile.employeeId : null;
    return employeeId ? fromUpstream(callerOf(context).loaders.employee.load(employeeId)) : null;
  }

  @Mutation(() => Accepted, {
    description: 'Change personal and contact details (the person, an admin, HR, a guardian of a minor).',
  })
  @Fronts('profile', 'PATCH /profiles/{userId}')
  updateProfile(
    @Context() context: GqlContext,
    @Args('userId', PROFILE_USER_ID) userId: string,
    @Args('input') input: UpdateProfileInput,
  ) {
    return this.rest.accept(context, 'profile', 'PATCH', profilePath(userId), { ...input });
  }

  @Mutation(() => Accepted, { description: 'Set language, time zone and notification channels.' })
  @Fronts('profile', 'PUT /profiles/{userId}/preferences')
  setPreferences(
    @Context() context: GqlContext,
    @Args('userId', PROFILE_USER_ID) userId: string,
    @Args('input') input: PreferencesInput,
  ) {
    return this.rest.accept(context, 'profile', 'PUT', `${profilePath(userId)}/preferences`, { ...input });
  }

  @Mutation(() => Accepted, {
    description: 'Set per-app fields: department and designation (HR), admission number and class (school admin).',
  })
  @Fronts('profile', 'PUT /profiles/{userId}/app-fields')
  setAppFields(
    @Context() context: GqlContext,
    @Args('userId', PROFILE_USER_ID) userId: string,
    @Args('input') input: AppFieldsInput,
  ) {
    return this.rest.accept(context, 'profile', 'PUT', `${profilePath(userId)}/app-fields`, { ...input });
  }
}
