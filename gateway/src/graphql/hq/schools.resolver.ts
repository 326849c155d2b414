import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import {
  EffectivePolicy,
  GroupPolicy,
  GroupPolicyInput,
  OpenSchoolInput,
  School,
  SchoolPage,
  SchoolPolicyInput,
} from './hq.types';

/** HQ’s schools and policies: HQ sees every school of the group, anyone else the schools of their grants. */
@Resolver(() => School)
export class SchoolsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => SchoolPage, { description: 'The schools the caller may see (HQ: all of the group), by code.' })
  @Fronts('hq', 'GET /schools')
  schools(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('status', { nullable: true, description: 'open or closed' }) status?: string,
  ) {
    return this.rest.page<School>(context, 'hq', '/schools', page, { status });
  }

  @Query(() => School, { nullable: true, description: 'One school; null when there is none the caller may see.' })
  @Fronts('hq', 'GET /schools/{id}')
  school(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<School>(context, 'hq', `/schools/${segment(id)}`);
  }

  @Query(() => EffectivePolicy, {
    nullable: true,
    description:
      'A school’s effective policy (per area its own setting, else the group’s); null outside the caller’s schools.',
  })
  @Fronts('hq', 'GET /schools/{id}/policy')
  schoolPolicy(@Context() context: GqlContext, @Args('schoolId', { type: () => ID }) schoolId: string) {
    return this.rest.find<EffectivePolicy>(context, 'hq', `/schools/${segment(schoolId)}/policy`);
  }

  @Query(() => GroupPolicy, {
    nullable: true,
    description: 'The group’s policy as last published; null before the first.',
  })
  @Fronts('hq', 'GET /group-policy')
  groupPolicy(@Context() context: GqlContext) {
    return this.rest.find<GroupPolicy>(context, 'hq', '/group-policy');
  }

  @Mutation(() => CommandResult, { description: 'Open a school (HQ); its code must be new to the group.' })
  @Fronts('hq', 'POST /schools')
  async openSchool(@Context() context: GqlContext, @Args('input') input: OpenSchoolInput): Promise<CommandResult> {
    const reply = await this.rest.send<{ schoolId: string }>(context, 'hq', 'POST', '/schools', { ...input });
    return { id: reply.body.schoolId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Close a school (HQ); it keeps its code and records.' })
  @Fronts('hq', 'POST /schools/{id}/close')
  closeSchool(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { description: '1 to 500 characters' }) reason: string,
  ) {
    return this.rest.accept(context, 'hq', 'POST', `/schools/${segment(id)}/close`, { reason });
  }

  @Mutation(() => Accepted, { description: 'Assign a school’s principal (HQ).' })
  @Fronts('hq', 'PUT /schools/{id}/principal')
  assignPrincipal(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('principalUserId', { type: () => ID, description: 'An identity user (UUID)' }) principalUserId: string,
  ) {
    return this.rest.accept(context, 'hq', 'PUT', `/schools/${segment(schoolId)}/principal`, { principalUserId });
  }

  @Mutation(() => Accepted, { description: 'Set a school’s own policy settings (HQ or the school’s admin).' })
  @Fronts('hq', 'PUT /schools/{id}/policy')
  setSchoolPolicy(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('input') input: SchoolPolicyInput,
  ) {
    return this.rest.accept(context, 'hq', 'PUT', `/schools/${segment(schoolId)}/policy`, { ...input });
  }

  @Mutation(() => Accepted, { description: 'Publish the group’s policy, the next version (HQ).' })
  @Fronts('hq', 'PUT /group-policy')
  publishGroupPolicy(@Context() context: GqlContext, @Args('input') input: GroupPolicyInput) {
    return this.rest.accept(context, 'hq', 'PUT', '/group-policy', { ...input });
  }
}
