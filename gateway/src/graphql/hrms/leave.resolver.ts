import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, employeeOf } from './hrms.common';
import { Employee } from './hrms.types';
import {
  ApplyForLeaveInput,
  LeaveCalendarArgs,
  LeaveCalendarEntry,
  LeaveRequest,
  LeaveRequestFilter,
  LeaveRequestPage,
} from './leave.types';

const REASON = { nullable: true, description: 'Up to 500 characters' };

/** Leave requests through the gateway: apply, decide, cancel, and read them (each with its employee, batched). */
@Resolver(() => LeaveRequest)
export class LeaveResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => LeaveRequestPage, { description: 'Leave requests, latest first, filtered and paged.' })
  @Fronts('hrms', 'GET /leave-requests')
  leaveRequests(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: LeaveRequestFilter,
  ) {
    return this.rest.page<LeaveRequest>(context, 'hrms', '/leave-requests', page, { ...filter });
  }

  @Query(() => LeaveRequest, { nullable: true, description: 'One leave request; null when there is none.' })
  @Fronts('hrms', 'GET /leave-requests/{id}')
  leaveRequest(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<LeaveRequest>(context, 'hrms', `/leave-requests/${segment(id)}`);
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all of them.' })
  employee(@Parent() request: LeaveRequest, @Context() context: GqlContext) {
    return employeeOf(context, request.employeeId);
  }

  @Mutation(() => CommandResult, {
    description: 'Apply for leave (for oneself; HR or a manager for someone else). Paid leave holds its days.',
  })
  @Fronts('hrms', 'POST /leave-requests')
  applyForLeave(@Context() context: GqlContext, @Args('input') input: ApplyForLeaveInput) {
    const reply = this.rest.send<{ leaveRequestId: string }>(context, 'hrms', 'POST', '/leave-requests', { ...input });
    return created(reply, 'leaveRequestId');
  }

  @Mutation(() => Accepted, { description: 'Approve a pending request (manager or HR; not one’s own).' })
  @Fronts('hrms', 'POST /leave-requests/{id}/approve')
  approveLeaveRequest(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.decide(context, id, 'approve');
  }

  @Mutation(() => Accepted, { description: 'Reject a pending request (manager or HR; not one’s own).' })
  @Fronts('hrms', 'POST /leave-requests/{id}/reject')
  rejectLeaveRequest(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', REASON) reason?: string,
  ) {
    return this.decide(context, id, 'reject', reason);
  }

  @Mutation(() => Accepted, { description: 'Cancel a pending or approved request (the employee, a manager or HR).' })
  @Fronts('hrms', 'POST /leave-requests/{id}/cancel')
  cancelLeaveRequest(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', REASON) reason?: string,
  ) {
    return this.decide(context, id, 'cancel', reason);
  }

  /** A decision on a request (POST /leave-requests/{id}/<step>): accepted, with its token. */
  private decide(context: GqlContext, id: string, step: 'approve' | 'reject' | 'cancel', reason?: string) {
    return this.rest.accept(context, 'hrms', 'POST', `/leave-requests/${segment(id)}/${step}`, { reason });
  }
}

/** The leave calendar: who is away between two dates. */
@Resolver(() => LeaveCalendarEntry)
export class LeaveCalendarResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [LeaveCalendarEntry], {
    description: 'Pending and approved leave overlapping a date range, by first day then employee.',
  })
  @Fronts('hrms', 'GET /leave-requests/calendar')
  leaveCalendar(@Context() context: GqlContext, @Args() { fromDate, toDate, department }: LeaveCalendarArgs) {
    const path = withQuery('/leave-requests/calendar', { fromDate, toDate, department });
    return this.rest.get<LeaveCalendarEntry[]>(context, 'hrms', path);
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all of them.' })
  employee(@Parent() entry: LeaveCalendarEntry, @Context() context: GqlContext) {
    return employeeOf(context, entry.employeeId);
  }
}
