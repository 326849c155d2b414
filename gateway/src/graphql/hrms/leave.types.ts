import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { hrms, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

@ObjectType({ description: 'One working day a leave covers.' })
export class LeaveDay implements hrms.LeaveDay {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field({ description: 'Only half of the day is leave (0.5 day)' }) halfDay!: boolean;
}

@ObjectType({ description: 'A leave request: what was asked, and where it stands.' })
export class LeaveRequest implements views.hrms.LeaveRequestView {
  @Field(() => ID) leaveRequestId!: string;
  @Field(() => ID) employeeId!: string;
  @Field(() => ID) leaveTypeId!: string;
  @Field({ description: 'Leave without pay: payroll deducts these days' }) unpaid!: boolean;
  @Field({ description: 'First day, YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) toDate!: string;
  @Field(() => Float, { description: 'Leave days counted, in halves' }) totalDays!: number;
  @Field(() => [LeaveDay], { description: 'The working days it covers (holidays excluded), by date' })
  leaveDays!: LeaveDay[];
  @Field({ description: 'Empty when not given' }) reason!: string;
  @Field(() => String, { description: 'pending, approved, rejected or cancelled' })
  status!: views.hrms.LeaveRequestStatus;
}

export const LeaveRequestPage = Paged(LeaveRequest);

@ObjectType({ description: 'A pending or approved leave on the leave calendar, with who is away.' })
export class LeaveCalendarEntry extends LeaveRequest implements views.hrms.LeaveCalendarEntry {
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => String, { nullable: true }) department!: string | null;
}

@ObjectType({ description: 'A kind of leave employees apply for.' })
export class LeaveType implements views.hrms.LeaveTypeView {
  @Field(() => ID) leaveTypeId!: string;
  @Field() name!: string;
  @Field({ description: 'Leave without pay: needs no allocation, reduces payment days' }) unpaid!: boolean;
}

@ObjectType({ description: 'A day off on a company holiday list.' })
export class CompanyHoliday implements hrms.Holiday {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field({ description: 'Empty when not given' }) description!: string;
}

@ObjectType({ description: 'A holiday list: the non-working days leave does not count.' })
export class HolidayList implements views.hrms.HolidayListView {
  @Field(() => ID) holidayListId!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) toDate!: string;
  @Field(() => [CompanyHoliday], { description: 'By date' }) holidays!: CompanyHoliday[];
}

@ObjectType({
  description: 'A yearly allocation of paid leave: allocated, used (pending or approved) and available days.',
})
export class LeaveBalance implements views.hrms.LeaveBalance {
  @Field(() => ID) allocationId!: string;
  @Field(() => ID) employeeId!: string;
  @Field(() => ID) leaveTypeId!: string;
  @Field(() => String, { nullable: true, description: 'The leave type’s name' }) leaveType!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => Float) totalDays!: number;
  @Field(() => Float) usedDays!: number;
  @Field(() => Float) availableDays!: number;
}

@InputType({ description: 'A leave application, as POST /leave-requests takes it.' })
export class ApplyForLeaveInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The employee (UUID); the caller when absent (HR or a manager may name another)',
  })
  employeeId?: string;
  @Field(() => ID, { description: 'A leave type (UUID)' }) leaveTypeId!: string;
  @Field({ description: 'First day, a date that exists, YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'Last day, a date that exists, YYYY-MM-DD' }) toDate!: string;
  @Field({ nullable: true, description: 'One day of the leave taken as a half day, YYYY-MM-DD' }) halfDayDate?: string;
  @Field({ nullable: true, description: 'Up to 500 characters' }) reason?: string;
}

@InputType()
export class LeaveRequestFilter {
  @Field(() => ID, { nullable: true, description: 'One employee’s requests (UUID)' }) employeeId?: string;
  @Field({ nullable: true, description: 'pending, approved, rejected or cancelled' }) status?: string;
}

@ArgsType()
export class LeaveCalendarArgs {
  @Field({ description: 'First day of the range, a date that exists, YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'Last day of the range, a date that exists, YYYY-MM-DD' }) toDate!: string;
  @Field({ nullable: true, description: 'Only this department (up to 100 characters)' }) department?: string;
}

@ArgsType()
export class LeaveQueueArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these employees’ requests (e.g. a manager’s team)' })
  employeeIds?: string[];
}

@InputType({ description: 'A leave type, as POST /leave-types takes it.' })
export class DefineLeaveTypeInput {
  @Field({ description: '1 to 100 characters' }) name!: string;
  @Field({ description: 'Leave without pay: reduces payment days in payroll' }) unpaid!: boolean;
}

@InputType({ description: 'A holiday of a holiday list.' })
export class CompanyHolidayInput {
  @Field({ description: 'A date that exists, YYYY-MM-DD, inside the list’s range' }) date!: string;
  @Field({ nullable: true, description: 'Up to 100 characters' }) description?: string;
}

@InputType({ description: 'A holiday list, as POST /holiday-lists takes it.' })
export class PublishHolidayListInput {
  @Field({ description: '1 to 100 characters' }) name!: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) toDate!: string;
  @Field(() => [CompanyHolidayInput], { description: 'At most 400' }) holidays!: CompanyHolidayInput[];
}

@InputType({ description: 'An allocation of paid leave, as POST /leave-allocations takes it.' })
export class AllocateLeaveInput {
  @Field(() => ID, { description: 'An employee (UUID)' }) employeeId!: string;
  @Field(() => ID, { description: 'A paid leave type (UUID)' }) leaveTypeId!: string;
  @Field(() => Int, { description: '1900 to 9999' }) year!: number;
  @Field(() => Float, { description: 'Days in halves, -366 to 366; negative corrects an earlier allocation' })
  days!: number;
  @Field({ nullable: true, description: 'Up to 500 characters' }) note?: string;
}
