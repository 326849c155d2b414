import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { hrms, views } from '@hexfleet/schemas';

@ObjectType({ description: 'One marked day of an employee’s month.' })
export class AttendanceDay implements views.hrms.AttendanceDay {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { description: 'present, absent, half_day or on_leave' }) status!: hrms.AttendanceStatus;
  @Field(() => ID, { nullable: true, description: 'The approved leave that marked the day, if one did' })
  leaveRequestId!: string | null;
}

@ObjectType({ description: 'How many days of a month sheet have each status.' })
export class AttendanceTotals implements views.hrms.AttendanceTotals {
  @Field(() => Int) present!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) halfDay!: number;
  @Field(() => Int) onLeave!: number;
}

@ObjectType({ description: 'One employee’s month: every marked day, in date order, and the totals.' })
export class AttendanceSheet implements views.hrms.AttendanceSheet {
  @Field(() => ID) employeeId!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => [AttendanceDay]) days!: AttendanceDay[];
  @Field(() => AttendanceTotals) totals!: AttendanceTotals;
}

@ArgsType()
export class AttendanceSheetArgs {
  @Field(() => ID, { description: 'An employee (UUID)' }) employeeId!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
}

@InputType({ description: 'A day’s attendance, as POST /attendance takes it.' })
export class MarkAttendanceInput {
  @Field(() => ID, { description: 'An employee (UUID)' }) employeeId!: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) date!: string;
  @Field({ description: 'present, absent or half_day (on_leave comes only from an approved leave)' })
  status!: string;
}
