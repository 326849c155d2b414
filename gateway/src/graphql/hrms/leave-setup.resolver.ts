import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { created, employeeOf } from './hrms.common';
import { Employee } from './hrms.types';
import {
  AllocateLeaveInput,
  CompanyHolidayInput,
  DefineLeaveTypeInput,
  HolidayList,
  LeaveBalance,
  LeaveType,
  PublishHolidayListInput,
} from './leave.types';

/** What leave rests on: leave types and holiday lists (reference lists), allocations and their balances. */
@Resolver(() => LeaveBalance)
export class LeaveSetupResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [LeaveType], { description: 'The leave types, by name.' })
  @Fronts('hrms', 'GET /leave-types')
  leaveTypes(@Context() context: GqlContext) {
    return this.rest.get<LeaveType[]>(context, 'hrms', '/leave-types');
  }

  @Mutation(() => CommandResult, { description: 'Define a leave type (HR).' })
  @Fronts('hrms', 'POST /leave-types')
  defineLeaveType(@Context() context: GqlContext, @Args('input') input: DefineLeaveTypeInput) {
    return created(
      this.rest.send<{ leaveTypeId: string }>(context, 'hrms', 'POST', '/leave-types', { ...input }),
      'leaveTypeId',
    );
  }

  @Query(() => [HolidayList], { description: 'The holiday lists, by first day then name.' })
  @Fronts('hrms', 'GET /holiday-lists')
  holidayLists(@Context() context: GqlContext) {
    return this.rest.get<HolidayList[]>(context, 'hrms', '/holiday-lists');
  }

  @Mutation(() => CommandResult, { description: 'Publish a holiday list (HR).' })
  @Fronts('hrms', 'POST /holiday-lists')
  publishHolidayList(@Context() context: GqlContext, @Args('input') input: PublishHolidayListInput) {
    const reply = this.rest.send<{ holidayListId: string }>(context, 'hrms', 'POST', '/holiday-lists', {
      ...input,
      holidays: input.holidays.map((holiday) => ({ ...holiday })),
    });
    return created(reply, 'holidayListId');
  }

  @Mutation(() => Accepted, { description: 'Replace the holidays of a holiday list (HR).' })
  @Fronts('hrms', 'PUT /holiday-lists/{id}/holidays')
  reviseHolidayList(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('holidays', { type: () => [CompanyHolidayInput], description: 'At most 400' })
    holidays: CompanyHolidayInput[],
  ) {
    const body = { holidays: holidays.map((holiday) => ({ ...holiday })) };
    return this.rest.accept(context, 'hrms', 'PUT', `/holiday-lists/${segment(id)}/holidays`, body);
  }

  @Query(() => [LeaveBalance], {
    description: 'Leave balances by employee, year, then type: allocated, used (pending or approved), available.',
  })
  @Fronts('hrms', 'GET /leave-allocations')
  leaveBalances(
    @Context() context: GqlContext,
    @Args('employeeId', { type: () => ID, nullable: true }) employeeId?: string,
    @Args('year', { type: () => Int, nullable: true, description: '1900 to 9999' }) year?: number,
  ) {
    return this.rest.get<LeaveBalance[]>(context, 'hrms', withQuery('/leave-allocations', { employeeId, year }));
  }

  @Mutation(() => CommandResult, {
    description: 'Allocate paid leave for a year (HR); allocating again tops the same allocation up.',
  })
  @Fronts('hrms', 'POST /leave-allocations')
  allocateLeave(@Context() context: GqlContext, @Args('input') input: AllocateLeaveInput) {
    const reply = this.rest.send<{ allocationId: string }>(context, 'hrms', 'POST', '/leave-allocations', { ...input });
    return created(reply, 'allocationId');
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all of them.' })
  employee(@Parent() balance: LeaveBalance, @Context() context: GqlContext) {
    return employeeOf(context, balance.employeeId);
  }
}
