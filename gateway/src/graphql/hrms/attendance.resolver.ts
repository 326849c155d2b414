import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted } from '../common/results';
import { AttendanceSheet, AttendanceSheetArgs, MarkAttendanceInput } from './attendance.types';
import { employeeOf } from './hrms.common';
import { Employee } from './hrms.types';

/** Attendance through the gateway: marking a day (HR or a manager) and an employee's month sheet. */
@Resolver(() => AttendanceSheet)
export class AttendanceResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => AttendanceSheet, { description: 'One employee’s month sheet with totals.' })
  @Fronts('hrms', 'GET /attendance')
  attendanceSheet(@Context() context: GqlContext, @Args() { employeeId, month }: AttendanceSheetArgs) {
    return this.rest.get<AttendanceSheet>(context, 'hrms', withQuery('/attendance', { employeeId, month }));
  }

  @ResolveField(() => Employee, { nullable: true, description: 'Batched: one HRMS call per request for all of them.' })
  employee(@Parent() sheet: AttendanceSheet, @Context() context: GqlContext) {
    return employeeOf(context, sheet.employeeId);
  }

  @Mutation(() => Accepted, { description: 'Mark a day present, absent or half day (HR or a manager).' })
  @Fronts('hrms', 'POST /attendance')
  markAttendance(@Context() context: GqlContext, @Args('input') input: MarkAttendanceInput) {
    return this.rest.accept(context, 'hrms', 'POST', '/attendance', { ...input });
  }
}
