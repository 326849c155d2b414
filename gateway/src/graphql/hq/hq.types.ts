import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { hq, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

@ObjectType({ description: 'A school of the group (the tenant), from HQ’s directory.' })
export class School implements views.hq.SchoolView {
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'Unique in the group for ever, upper-case' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'IANA time zone of the school calendar' }) timeZone!: string;
  @Field(() => String, { description: 'open or closed' }) status!: views.hq.SchoolStatus;
  @Field(() => ID, { nullable: true, description: 'The principal (identity user)' }) principalUserId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The academic year since the last rollover' })
  currentYearId!: string | null;
  @Field({ description: 'ISO-8601 UTC instant' }) openedAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) closedAt!: string | null;
  @Field(() => String, { nullable: true }) closeReason!: string | null;
}

export const SchoolPage = Paged(School);

@ObjectType({ description: 'A default library loan rule (libraries’ default cell of a school’s rule matrix).' })
export class LoanRuleDefaults implements hq.LoanRuleDefaults {
  @Field(() => Int) loanPeriodDays!: number;
  @Field(() => Int) maxLoans!: number;
  @Field(() => Int) maxRenewals!: number;
  @Field(() => Int) maxHolds!: number;
  @Field(() => Int, { description: 'Minor units of currency per chargeable late day' }) fineRatePerDayMinor!: number;
  @Field({ description: 'ISO 4217' }) currency!: string;
  @Field(() => Int) graceDays!: number;
  @Field(() => Int, { nullable: true, description: 'Highest fine of one loan; null when uncapped' })
  fineCapMinor!: number | null;
}

@ObjectType({ description: 'A mark a register may use.' })
export class AttendanceCode implements hq.AttendanceCode {
  @Field() code!: string;
  @Field() label!: string;
  @Field({ description: 'present, late, absent, excused or left-early' }) meaning!: string;
}

@ObjectType({ description: 'When attendance raises an absence alert.' })
export class AbsenceThresholds implements hq.AbsenceThresholds {
  @Field(() => Int) consecutiveAbsentDays!: number;
  @Field(() => Int) minimumAttendancePercent!: number;
}

const LOCK =
  'Days after its day a register locks (0: the next day), then only corrections with a reason change it; null: attendance’s default';

@ObjectType({ description: 'The group’s policy as last published.' })
export class GroupPolicy implements views.hq.GroupPolicyView {
  @Field(() => Int) policyVersion!: number;
  @Field(() => LoanRuleDefaults) loanRules!: LoanRuleDefaults;
  @Field(() => [AttendanceCode]) attendanceCodes!: AttendanceCode[];
  @Field(() => AbsenceThresholds) absenceThresholds!: AbsenceThresholds;
  @Field(() => Int, { nullable: true, description: LOCK }) registerLockDays!: number | null;
  @Field(() => ID) publishedBy!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) publishedAt!: string;
}

const SOURCE = 'school (its own setting), group (the group’s policy) or none (no policy yet)';

@ObjectType()
export class EffectiveLoanRules implements views.hq.EffectiveLoanRules {
  @Field(() => LoanRuleDefaults, { nullable: true }) value!: LoanRuleDefaults | null;
  @Field(() => String, { description: SOURCE }) source!: views.hq.PolicySource;
}

@ObjectType()
export class EffectiveAttendanceCodes implements views.hq.EffectiveAttendanceCodes {
  @Field(() => [AttendanceCode], { nullable: true }) value!: AttendanceCode[] | null;
  @Field(() => String, { description: SOURCE }) source!: views.hq.PolicySource;
}

@ObjectType()
export class EffectiveAbsenceThresholds implements views.hq.EffectiveAbsenceThresholds {
  @Field(() => AbsenceThresholds, { nullable: true }) value!: AbsenceThresholds | null;
  @Field(() => String, { description: SOURCE }) source!: views.hq.PolicySource;
}

@ObjectType()
export class EffectiveRegisterLockDays implements views.hq.EffectiveRegisterLockDays {
  @Field(() => Int, { nullable: true, description: LOCK }) value!: number | null;
  @Field(() => String, { description: SOURCE }) source!: views.hq.PolicySource;
}

@ObjectType({ description: 'The policy a school works under: per area its own setting, else the group’s.' })
export class EffectivePolicy implements views.hq.EffectivePolicyView {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int, { nullable: true }) groupPolicyVersion!: number | null;
  @Field(() => EffectiveLoanRules) loanRules!: EffectiveLoanRules;
  @Field(() => EffectiveAttendanceCodes) attendanceCodes!: EffectiveAttendanceCodes;
  @Field(() => EffectiveAbsenceThresholds) absenceThresholds!: EffectiveAbsenceThresholds;
  @Field(() => EffectiveRegisterLockDays) registerLockDays!: EffectiveRegisterLockDays;
  @Field({ description: 'ISO-8601 UTC instant' }) updatedAt!: string;
}

@ObjectType({ description: 'A term of an academic year.' })
export class AcademicTerm implements hq.Term {
  @Field(() => ID) termId!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) endDate!: string;
}

@ObjectType({ description: 'An academic-year template HQ published to schools.' })
export class AcademicYear implements views.hq.AcademicYearView {
  @Field(() => ID) yearId!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) endDate!: string;
  @Field(() => [AcademicTerm]) terms!: AcademicTerm[];
  @Field(() => [ID], { description: 'The schools it was published to; empty for every school' }) schoolIds!: string[];
  @Field({ description: 'ISO-8601 UTC instant' }) publishedAt!: string;
}

export const AcademicYearPage = Paged(AcademicYear);

@InputType({ description: 'A school, as POST /schools takes it.' })
export class OpenSchoolInput {
  @Field({ description: '2 to 16 letters, digits or hyphens, a letter first; unique in the group; stored upper-cased' })
  code!: string;
  @Field({ description: '1 to 120 characters' }) name!: string;
  @Field({ description: 'An IANA time zone, e.g. Asia/Kolkata' }) timeZone!: string;
  @Field(() => ID, { nullable: true, description: 'The principal (identity user UUID)' }) principalUserId?: string;
}

@InputType({ description: 'A default loan rule.' })
export class LoanRuleDefaultsInput {
  @Field(() => Int, { description: '1 to 365' }) loanPeriodDays!: number;
  @Field(() => Int, { description: '0 to 100' }) maxLoans!: number;
  @Field(() => Int, { description: '0 to 20' }) maxRenewals!: number;
  @Field(() => Int, { description: '0 to 100' }) maxHolds!: number;
  @Field(() => Int, { description: 'Minor units, 0 to 100000000' }) fineRatePerDayMinor!: number;
  @Field({ description: 'ISO 4217, e.g. INR' }) currency!: string;
  @Field(() => Int, { description: '0 to 60' }) graceDays!: number;
  @Field(() => Int, { nullable: true, description: 'Minor units, 0 to 100000000; null for uncapped' })
  fineCapMinor?: number | null;
}

@InputType({ description: 'An attendance code.' })
export class AttendanceCodeInput {
  @Field({ description: '1 to 4 letters or digits, unique in the list; stored upper-cased' }) code!: string;
  @Field({ description: '1 to 40 characters' }) label!: string;
  @Field({ description: 'present, late, absent, excused or left-early' }) meaning!: string;
}

@InputType({ description: 'Absence thresholds.' })
export class AbsenceThresholdsInput {
  @Field(() => Int, { description: '1 to 60' }) consecutiveAbsentDays!: number;
  @Field(() => Int, { description: '0 to 100' }) minimumAttendancePercent!: number;
}

const CODES_HELP = '1 to 20 codes, at least one meaning present and one meaning absent';

@InputType({ description: 'The group’s whole policy, as PUT /group-policy takes it.' })
export class GroupPolicyInput {
  @Field(() => LoanRuleDefaultsInput) loanRules!: LoanRuleDefaultsInput;
  @Field(() => [AttendanceCodeInput], { description: CODES_HELP }) attendanceCodes!: AttendanceCodeInput[];
  @Field(() => AbsenceThresholdsInput) absenceThresholds!: AbsenceThresholdsInput;
  @Field(() => Int, { nullable: true, description: LOCK }) registerLockDays?: number | null;
}

@InputType({ description: 'A school’s own settings; an area null or left out follows the group’s policy.' })
export class SchoolPolicyInput {
  @Field(() => LoanRuleDefaultsInput, { nullable: true }) loanRules?: LoanRuleDefaultsInput | null;
  @Field(() => [AttendanceCodeInput], { nullable: true, description: CODES_HELP })
  attendanceCodes?: AttendanceCodeInput[] | null;
  @Field(() => AbsenceThresholdsInput, { nullable: true }) absenceThresholds?: AbsenceThresholdsInput | null;
  @Field(() => Int, { nullable: true, description: `${LOCK}; null: the group’s` }) registerLockDays?: number | null;
}

@InputType({ description: 'A term: inside the year, not overlapping another.' })
export class AcademicTermInput {
  @Field({ description: '1 to 40 characters, unique in the year' }) name!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) endDate!: string;
}

@InputType({ description: 'An academic year, as POST /academic-years takes it.' })
export class PublishAcademicYearInput {
  @Field({ description: '1 to 40 characters, e.g. 2026-27' }) name!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive; at most 18 months after startDate' }) endDate!: string;
  @Field(() => [AcademicTermInput], { description: '1 to 6 terms' }) terms!: AcademicTermInput[];
  @Field(() => [ID], { nullable: true, description: 'Open schools (at most 200); empty or absent: every school' })
  schoolIds?: string[];
}

@ObjectType({ description: 'One point of a series: the period’s first day (a day, or a week’s Monday) and its value.' })
export class SeriesPoint implements views.hq.SeriesPoint {
  @Field({ description: 'YYYY-MM-DD' }) period!: string;
  @Field(() => Int) value!: number;
}

@ObjectType({
  description:
    'Register records in one period (withdrawn registers left out) and the attendance rate: attended over every record but excused.',
})
export class AttendancePoint implements views.hq.AttendancePoint {
  @Field({ description: 'YYYY-MM-DD' }) period!: string;
  @Field(() => Int, { description: 'Present, late or left early' }) attended!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Float, { nullable: true, description: 'Percent to two decimals; null when nothing counted' })
  attendancePercent!: number | null;
}

@ObjectType({ description: 'A dashboard for one school or the group: each measure a series a chart can draw.' })
export class Dashboard implements views.hq.DashboardView {
  @Field(() => ID, { nullable: true, description: 'The school; null for the group' }) schoolId!: string | null;
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) to!: string;
  @Field(() => String, { description: 'day or week' }) interval!: 'day' | 'week';
  @Field(() => [SeriesPoint], { description: 'Loans reported overdue in each period' }) overdueLoans!: SeriesPoint[];
  @Field(() => [SeriesPoint], { description: 'Published, not cancelled, events starting in each period' })
  upcomingEvents!: SeriesPoint[];
  @Field(() => [SeriesPoint], { description: 'Students enrolled in each period, on the enrolment’s first day' })
  enrolments!: SeriesPoint[];
  @Field(() => [SeriesPoint], { description: 'Students withdrawn in each period, on their last day at school' })
  withdrawals!: SeriesPoint[];
  @Field(() => [AttendancePoint], { description: 'Register records and the attendance rate in each period' })
  attendance!: AttendancePoint[];
  @Field(() => Float, { nullable: true, description: 'The attendance rate over the range; null when nothing counted' })
  attendancePercent!: number | null;
  @Field(() => [SeriesPoint], { description: 'Students recorded absent at least once in each period' })
  absentStudents!: SeriesPoint[];
}

@ArgsType()
export class RangeArgs {
  @Field({ nullable: true, description: 'First day, YYYY-MM-DD; four weeks before today when absent' }) from?: string;
  @Field({ nullable: true, description: 'Last day, YYYY-MM-DD; four weeks after today when absent' }) to?: string;
  @Field({ nullable: true, description: 'day (the default) or week (ISO weeks, Monday first)' }) interval?: string;
}

@ObjectType({ description: 'One move between schools of the group.' })
export class Transfer implements views.hq.TransferView {
  @Field(() => ID) transferId!: string;
  @Field(() => ID) fromSchoolId!: string;
  @Field(() => ID) toSchoolId!: string;
  @Field({ description: 'First day at the new school, YYYY-MM-DD' }) effectiveDate!: string;
  @Field() reason!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) transferredAt!: string;
}

@ObjectType({ description: 'A student’s home school as HQ knows it (one at a time), with the moves that led there.' })
export class StudentHome implements views.hq.StudentHomeView {
  @Field(() => ID) studentId!: string;
  @Field(() => ID) homeSchoolId!: string;
  @Field({ description: 'YYYY-MM-DD' }) since!: string;
  @Field(() => [Transfer]) transfers!: Transfer[];
}

@ObjectType({ description: 'The school a member of staff works in as HQ knows it, with their school roles.' })
export class StaffPlacement implements views.hq.StaffPlacementView {
  @Field(() => ID) userId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => [String]) roles!: string[];
  @Field({ description: 'YYYY-MM-DD' }) since!: string;
  @Field(() => [Transfer]) transfers!: Transfer[];
}

@InputType({ description: 'A transfer, as POST /students/{id}/transfers takes it.' })
export class TransferInput {
  @Field(() => ID, { description: 'The school the person is in now' }) fromSchoolId!: string;
  @Field(() => ID, { description: 'An open school of the group' }) toSchoolId!: string;
  @Field({ description: 'YYYY-MM-DD; not before the last move' }) effectiveDate!: string;
  @Field({ nullable: true, description: 'Up to 500 characters' }) reason?: string;
}

@InputType({ description: 'A staff transfer, as POST /staff/{id}/transfers takes it.' })
export class StaffTransferInput extends TransferInput {
  @Field(() => [String], { description: 'teacher, librarian, school-admin: the roles that move, each once' })
  roles!: string[];
}

@ObjectType({ description: 'Where one school is in a rollover.' })
export class RolloverSchool implements views.hq.RolloverSchoolView {
  @Field(() => ID) schoolId!: string;
  @Field(() => String, { description: 'rolled-over, pending, or skipped (closed since the start)' })
  state!: views.hq.RolloverSchoolView['state'];
}

@ObjectType({ description: 'A year-end rollover and how far it got; a stopped one resumes when run again.' })
export class Rollover implements views.hq.RolloverView {
  @Field(() => ID) fromYearId!: string;
  @Field(() => ID) toYearId!: string;
  @Field(() => String, { description: 'started or completed' }) status!: views.hq.RolloverView['status'];
  @Field(() => [RolloverSchool]) schools!: RolloverSchool[];
}
