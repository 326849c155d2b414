import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created } from './hrms.common';
import { CreateJobOpeningInput, JobOpening, JobOpeningFilter, JobOpeningPage } from './job-openings.types';

/** Job openings: a manager or HR asks, HR approves (not their own), either closes; everyone sees the board. */
@Resolver(() => JobOpening)
export class JobOpeningsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => JobOpeningPage, { description: 'The job openings board, newest first, filtered and paged.' })
  @Fronts('hrms', 'GET /job-openings')
  jobOpenings(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: JobOpeningFilter,
  ) {
    return this.rest.page<JobOpening>(context, 'hrms', '/job-openings', page, { ...filter });
  }

  @Query(() => JobOpening, { nullable: true, description: 'One job opening; null when there is none.' })
  @Fronts('hrms', 'GET /job-openings/{id}')
  jobOpening(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<JobOpening>(context, 'hrms', `/job-openings/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Ask for a job opening (manager or HR); it waits for HR’s approval.' })
  @Fronts('hrms', 'POST /job-openings')
  createJobOpening(@Context() context: GqlContext, @Args('input') input: CreateJobOpeningInput) {
    const reply = this.rest.send<{ jobOpeningId: string }>(context, 'hrms', 'POST', '/job-openings', { ...input });
    return created(reply, 'jobOpeningId');
  }

  @Mutation(() => Accepted, {
    description: 'Approve a pending opening (HR, not the one who asked): recruiting starts.',
  })
  @Fronts('hrms', 'POST /job-openings/{id}/approve')
  approveJobOpening(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.accept(context, 'hrms', 'POST', `/job-openings/${segment(id)}/approve`);
  }

  @Mutation(() => Accepted, { description: 'Close an opening, filled or withdrawn (manager or HR).' })
  @Fronts('hrms', 'POST /job-openings/{id}/close')
  closeJobOpening(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { nullable: true, description: 'Up to 500 characters' }) reason?: string,
  ) {
    return this.rest.accept(context, 'hrms', 'POST', `/job-openings/${segment(id)}/close`, { reason });
  }
}
