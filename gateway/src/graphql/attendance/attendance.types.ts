import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { AttendanceCode } from '../hq/hq.types';

const DAY = 'YYYY-MM-DD';

@ObjectType({ description: "One lesson of a teacher's day and the state of its register." })
export class DayRegister implements views.attendance.DayRegisterView {
  @Field({ description: 'The register (UUID); empty while nobody has marked it' }) registerId!: string;
  @Field(() => ID) sessionId!: string;
  @Field({ description: DAY }) date!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) groupId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) teacherUserId!: string;
  @Field() room!: string;
  @Field({ description: 'HH:mm' }) startTime!: string;
  @Field({ description: 'HH:mm' }) endTime!: string;
  @Field(() => String, { description: 'open, partial, taken, withdrawn, cancelled or holiday' })
  status!: views.attendance.DayRegisterView['status'];
  @Field(() => String, { nullable: true, description: "A cancellation's reason or a holiday's name" })
  reason!: string | null;
  @Field(() => Int, { description: 'Students with a record so far' }) marked!: number;
}

@ObjectType({ description: "One student's line on a register." })
export class RegisterLine implements views.attendance.RegisterLineView {
  @Field(() => ID) studentId!: string;
  @Field(() => Int) rollNumber!: number;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true, description: 'Null while unmarked' }) code!: string | null;
  @Field(() => String, { nullable: true }) meaning!: string | null;
  @Field(() => String, { nullable: true, description: 'The code first marked, kept when corrected' })
  originalCode!: string | null;
  @Field() corrected!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'What all present will mark while unmarked: a school event’s excused code',
  })
  prefillCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The school event’s title' }) prefillReason!: string | null;
}

@ObjectType({ description: 'A register as the teacher takes it: every student in the group that day.' })
export class ClassRegister implements views.attendance.RegisterView {
  @Field(() => ID) registerId!: string;
  @Field(() => ID) sessionId!: string;
  @Field({ description: DAY }) date!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) groupId!: string;
  @Field() subjectName!: string;
  @Field(() => String, { description: 'open, partial, taken or withdrawn' })
  status!: views.attendance.RegisterView['status'];
  @Field({ description: `${DAY}: from then on only corrections with a reason` }) lockedOn!: string;
  @Field() locked!: boolean;
  @Field(() => [AttendanceCode]) codes!: AttendanceCode[];
  @Field(() => [RegisterLine]) lines!: RegisterLine[];
}

@ObjectType({ description: 'Records by meaning over a range, with the rate (attended over all but excused).' })
export class AttendanceRates implements views.attendance.AttendanceTotalsView {
  @Field(() => Int) records!: number;
  @Field(() => Int) present!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) leftEarly!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Float, { nullable: true }) attendancePercent!: number | null;
  @Field(() => Float, { nullable: true }) absencePercent!: number | null;
}

@ObjectType({ description: "A student's attendance over a range." })
export class StudentAttendanceReport extends AttendanceRates implements views.attendance.StudentReportView {
  @Field(() => ID) studentId!: string;
  @Field({ description: DAY }) from!: string;
  @Field({ description: DAY }) to!: string;
}

@ObjectType({ description: "One student's line of a group report." })
export class GroupAttendanceLine extends AttendanceRates implements views.attendance.GroupReportLineView {
  @Field(() => ID) studentId!: string;
}

@ObjectType({ description: 'How a school takes attendance (ADR 0054).' })
export class AttendanceSettings {
  @Field(() => ID) schoolId!: string;
  @Field(() => String, {
    description: "lesson: every lesson's register is taken; daily: only each group's first lesson of the day",
  })
  mode!: string;
}

@ObjectType({ description: "One group's line of a school report." })
export class SchoolAttendanceGroup extends AttendanceRates implements views.attendance.SchoolReportGroupView {
  @Field(() => ID) groupId!: string;
}

@ObjectType({ description: "One day's line of a school report: every lesson marked that day." })
export class SchoolAttendanceDay extends AttendanceRates implements views.attendance.SchoolReportDayView {
  @Field({ description: DAY }) date!: string;
}

@ObjectType({ description: "A school's attendance over a range: in all, per group and per day (days with records)." })
export class SchoolAttendanceReport implements views.attendance.SchoolReportView {
  @Field(() => ID) schoolId!: string;
  @Field({ description: DAY }) from!: string;
  @Field({ description: DAY }) to!: string;
  @Field(() => AttendanceRates) totals!: AttendanceRates;
  @Field(() => [SchoolAttendanceGroup]) groups!: SchoolAttendanceGroup[];
  @Field(() => [SchoolAttendanceDay]) days!: SchoolAttendanceDay[];
}

@ObjectType({ description: "A group's attendance over a range, per student and in all." })
export class GroupAttendanceReport implements views.attendance.GroupReportView {
  @Field(() => ID) groupId!: string;
  @Field({ description: DAY }) from!: string;
  @Field({ description: DAY }) to!: string;
  @Field(() => AttendanceRates) totals!: AttendanceRates;
  @Field(() => [GroupAttendanceLine]) students!: GroupAttendanceLine[];
}

@ObjectType({ description: 'What marking or correcting a register wrote.' })
export class RegisterMarked {
  @Field(() => ID) registerId!: string;
  @Field(() => Int, { description: 'Records made or changed' }) recorded!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Send as X-Consistency-Token so that the next query sees this write.',
  })
  consistencyToken?: string;
}

@InputType({ description: 'An exception to all present: one student and the code to mark.' })
export class AttendanceMarkInput {
  @Field(() => ID) studentId!: string;
  @Field({ description: '1 to 4 upper-case letters or digits, one of the school’s codes' }) code!: string;
}

@InputType({ description: 'A marking: all present (every student not named), then the exceptions.' })
export class MarkRegisterInput {
  @Field() allPresent!: boolean;
  @Field(() => [AttendanceMarkInput], { description: 'At most 500' }) marks!: AttendanceMarkInput[];
}

@InputType({ description: "A correction of one student's record; after the lock the reason is required." })
export class CorrectAttendanceInput {
  @Field(() => ID) studentId!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true, description: '1 to 500 characters' }) reason?: string | null;
}

@ArgsType()
export class AttendanceRangeArgs {
  @Field({ description: DAY }) from!: string;
  @Field({ description: `${DAY}, not before from, at most 366 days after it` }) to!: string;
}

@InputType({
  description: "A student's leave recorded ahead: their lessons with the group on those days are pre-filled excused.",
})
export class StudentLeaveInput {
  @Field(() => ID) studentId!: string;
  @Field({ description: DAY }) fromDate!: string;
  @Field({ description: `${DAY}, inclusive; under 60 days after fromDate` }) toDate!: string;
  @Field({ description: '1 to 500 characters' }) reason!: string;
}
