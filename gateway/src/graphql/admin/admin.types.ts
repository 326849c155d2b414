import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

const DAY = 'YYYY-MM-DD';
const INSTANT = 'ISO-8601 UTC instant';

@ObjectType({ description: "A term of a school's academic year." })
export class SchoolTerm implements views.admin.TermView {
  @Field(() => ID) termId!: string;
  @Field(() => ID) yearId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() name!: string;
  @Field({ description: DAY }) startDate!: string;
  @Field({ description: `${DAY}, inclusive` }) endDate!: string;
}

@ObjectType({ description: 'An academic year a school opened (Admin), with its terms in date order.' })
export class SchoolYear implements views.admin.AcademicYearView {
  @Field(() => ID) yearId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() name!: string;
  @Field({ description: DAY }) startDate!: string;
  @Field({ description: `${DAY}, inclusive` }) endDate!: string;
  @Field(() => ID, { nullable: true, description: 'The HQ template it was opened from' }) templateId!: string | null;
  @Field(() => [SchoolTerm]) terms!: SchoolTerm[];
}

@ObjectType({ description: 'A subject a school teaches.' })
export class Subject implements views.admin.SubjectView {
  @Field(() => ID) subjectId!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'Unique in the school, upper case' }) code!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'Who teaches a group a subject; no subject: the class teacher.' })
export class GroupTeacher implements views.admin.GroupTeacherView {
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => String, { nullable: true }) subjectName!: string | null;
  @Field(() => ID) teacherUserId!: string;
  @Field() teacherName!: string;
  @Field(() => String, { nullable: true }) teacherEmail!: string | null;
  @Field({ description: INSTANT }) assignedAt!: string;
}

@ObjectType({ description: 'A student group: a section of a grade in one academic year.' })
export class StudentGroup implements views.admin.GroupView {
  @Field(() => ID) groupId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) yearId!: string;
  @Field() grade!: string;
  @Field() section!: string;
  @Field() name!: string;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Students in it now' }) members!: number;
  @Field(() => [GroupTeacher]) teachers!: GroupTeacher[];
}

export const StudentGroupPage = Paged(StudentGroup);

@ObjectType({ description: "A student on a group's list, by roll number." })
export class GroupMember implements views.admin.GroupMemberView {
  @Field(() => ID) groupId!: string;
  @Field(() => ID) studentId!: string;
  @Field(() => Int) rollNumber!: number;
  @Field() admissionNumber!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: INSTANT }) addedAt!: string;
}

@ObjectType({ description: 'A guardian as the school recorded them at admission.' })
export class StudentGuardian implements views.admin.GuardianView {
  @Field() name!: string;
  @Field() relationship!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() primary!: boolean;
}

@ObjectType({ description: "A student's record in Admin: admission, guardians and the enrolment they are in." })
export class Student implements views.admin.StudentView {
  @Field(() => ID) studentId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() admissionNumber!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: DAY }) birthDate!: string;
  @Field(() => String, { nullable: true }) gender!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => [StudentGuardian], { description: 'The primary one first' }) guardians!: StudentGuardian[];
  @Field(() => String, { description: 'admitted, enrolled or withdrawn' }) status!: views.admin.StudentStatus;
  @Field(() => ID, { nullable: true }) yearId!: string | null;
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => Int, { nullable: true }) rollNumber!: number | null;
  @Field({ description: DAY }) admittedOn!: string;
  @Field(() => String, { nullable: true, description: DAY }) enrolledOn!: string | null;
  @Field(() => String, { nullable: true, description: DAY }) withdrawnOn!: string | null;
}

export const StudentPage = Paged(Student);

@ObjectType({ description: 'A class session: a group taught a subject by a teacher in a room, weekly within a term.' })
export class ClassSession implements views.admin.ClassSessionView {
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) termId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) yearId!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) teacherUserId!: string;
  @Field() room!: string;
  @Field({ description: DAY }) firstDate!: string;
  @Field({ description: DAY }) lastDate!: string;
  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday' }) weekdays!: number[];
  @Field({ description: 'HH:mm' }) startTime!: string;
  @Field({ description: 'HH:mm' }) endTime!: string;
  @Field({ description: 'The whole session was cancelled' }) cancelled!: boolean;
  @Field(() => [String], { description: `Days whose lesson was cancelled (${DAY})` }) cancelledDates!: string[];
}

@ObjectType({ description: 'One lesson on one day, as a timetable shows it.' })
export class Lesson implements views.admin.LessonView {
  @Field({ description: DAY }) date!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => ID) termId!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) teacherUserId!: string;
  @Field() room!: string;
  @Field({ description: 'HH:mm' }) startTime!: string;
  @Field({ description: 'HH:mm' }) endTime!: string;
  @Field({ description: "This day's lesson was cancelled" }) cancelled!: boolean;
}

@ArgsType()
export class DaysArgs {
  @Field({ description: `First day, ${DAY}` }) from!: string;
  @Field({ description: `Last day, ${DAY}, at most 42 days after from` }) to!: string;
}

@InputType({ description: 'A span with a name, as POST .../academic-years and .../terms take it.' })
export class SchoolYearInput {
  @Field({ description: '1 to 60 characters; unique in the school (years) or the year (terms)' }) name!: string;
  @Field({ description: `${DAY}, a date that exists` }) startDate!: string;
  @Field({ description: `${DAY}, not before startDate` }) endDate!: string;
}

@InputType({ description: 'A subject, as POST /schools/{schoolId}/subjects takes it.' })
export class SubjectInput {
  @Field({ description: '1 to 16 letters, digits or dashes; unique in the school, stored upper-case' }) code!: string;
  @Field({ description: '1 to 100 characters' }) name!: string;
}

@InputType({ description: 'A group, as POST /schools/{schoolId}/groups takes it.' })
export class StudentGroupInput {
  @Field(() => ID, { description: 'An academic year of the school' }) yearId!: string;
  @Field({ description: '1 to 20 characters; grade and section are unique in the year' }) grade!: string;
  @Field({ description: '1 to 20 characters' }) section!: string;
  @Field(() => String, { nullable: true, description: 'Up to 100 characters; "Grade <grade> <section>" when absent' })
  name?: string | null;
  @Field(() => Int, { description: '1 to 200' }) capacity!: number;
}

@InputType({ description: 'A teacher assignment, as POST /groups/{groupId}/teachers takes it.' })
export class AssignTeacherInput {
  @Field(() => ID, { nullable: true, description: 'A subject of the school; absent: the class teacher' })
  subjectId?: string | null;
  @Field(() => ID, { description: "The teacher's user (UUID)" }) teacherUserId!: string;
  @Field({ description: '1 to 100 characters' }) teacherName!: string;
  @Field(() => String, { nullable: true, description: 'An email address' }) teacherEmail?: string | null;
}

@InputType({ description: 'A guardian, as an admission takes them: an email or a phone (or both).' })
export class GuardianInput {
  @Field({ description: '1 to 100 characters' }) name!: string;
  @Field({ description: '1 to 40 characters, e.g. mother' }) relationship!: string;
  @Field(() => String, { nullable: true, description: 'An email address' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Digits, spaces, +, -, brackets; 6 to 25 characters' })
  phone?: string | null;
  @Field({ description: 'Exactly one guardian is primary' }) primary!: boolean;
}

@InputType({ description: 'An admission, as POST /schools/{schoolId}/students takes it.' })
export class AdmitStudentInput {
  @Field({ description: '1 to 32 letters, digits, - / .; unique in the school' }) admissionNumber!: string;
  @Field({ description: '1 to 100 characters' }) firstName!: string;
  @Field({ nullable: true, description: 'Up to 100 characters' }) lastName?: string;
  @Field({ description: DAY }) birthDate!: string;
  @Field(() => String, { nullable: true, description: 'female, male or other' }) gender?: string | null;
  @Field(() => String, { nullable: true, description: 'An email address' }) email?: string | null;
  @Field(() => [GuardianInput], { description: '1 to 4, exactly one primary' }) guardians!: GuardianInput[];
  @Field({ description: `${DAY}, after the birth date` }) admittedOn!: string;
}

@InputType({ description: 'An enrolment, as POST /students/{studentId}/enrolment takes it.' })
export class EnrolStudentInput {
  @Field(() => ID, { description: "An academic year of the student's school" }) yearId!: string;
  @Field({ description: `${DAY}, inside the year, not before admission` }) enrolledOn!: string;
  @Field(() => ID, { nullable: true, description: 'A group of that year to join now' }) groupId?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 9999, unique in the group; next free when absent' })
  rollNumber?: number | null;
}

@InputType({ description: 'A withdrawal, as POST /students/{studentId}/withdrawal takes it.' })
export class WithdrawStudentInput {
  @Field({ description: '1 to 500 characters' }) reason!: string;
  @Field({ description: `The last day at school, ${DAY}` }) withdrawnOn!: string;
}

@InputType({ description: 'A promotion, as POST /students/{studentId}/promotion takes it.' })
export class PromoteStudentInput {
  @Field(() => ID, { description: 'A later academic year of the school' }) toYearId!: string;
  @Field(() => ID, { description: 'A group of that year' }) toGroupId!: string;
  @Field(() => Int, { nullable: true, description: '1 to 9999; next free when absent' }) rollNumber?: number | null;
}

@InputType({ description: 'A student filter for GET /schools/{schoolId}/students.' })
export class StudentFilter {
  @Field({ nullable: true, description: 'Part of a name or admission number (up to 100 characters)' }) q?: string;
  @Field({ nullable: true, description: 'admitted, enrolled or withdrawn' }) status?: string;
  @Field(() => ID, { nullable: true }) yearId?: string;
}

@InputType({ description: 'A class session, as POST /schools/{schoolId}/terms/{termId}/sessions takes it.' })
export class ScheduleClassSessionInput {
  @Field(() => ID, { description: "A group of the term's year" }) groupId!: string;
  @Field(() => ID, { description: 'A subject the teacher is assigned to teach the group' }) subjectId!: string;
  @Field(() => ID) teacherUserId!: string;
  @Field({ description: '1 to 40 characters; case and spaces aside, one room' }) room!: string;
  @Field({ description: `${DAY}, inside the term` }) firstDate!: string;
  @Field(() => String, { nullable: true, description: `${DAY}; absent: a single lesson on firstDate` })
  lastDate?: string | null;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays 1-7; absent: the weekday of firstDate' })
  weekdays?: number[] | null;
  @Field({ description: 'HH:mm (24 h)' }) startTime!: string;
  @Field({ description: 'HH:mm (24 h), after startTime' }) endTime!: string;
}

@ObjectType({ description: 'Why one row of a CSV import was refused (nothing of it was written).' })
export class ImportRowError implements views.admin.ImportRowErrorView {
  @Field(() => Int, { description: 'The line in the file; the header is line 1' }) line!: number;
  @Field() admissionNumber!: string;
  @Field({ description: 'The CSV column at fault; empty when the row as a whole is' }) field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'A CSV import of students: how far it has got, and the rows it refused.' })
export class StudentImport implements views.admin.StudentImportView {
  @Field(() => ID) importId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) yearId!: string;
  @Field({ description: DAY }) enrolledOn!: string;
  @Field() fileName!: string;
  @Field(() => String, { description: 'running or completed' }) status!: 'running' | 'completed';
  @Field(() => Int) rows!: number;
  @Field(() => Int) processed!: number;
  @Field(() => Int) admitted!: number;
  @Field(() => Int, { description: 'Rows already imported as they say (a re-import)' }) unchanged!: number;
  @Field(() => Int) refused!: number;
  @Field({ description: INSTANT }) startedAt!: string;
  @Field(() => String, { nullable: true, description: INSTANT }) completedAt!: string | null;
  @Field(() => [ImportRowError], { description: 'By line' }) errors!: ImportRowError[];
}

@ObjectType({ description: 'An import accepted: its id (follow it with studentImport) and its rows.' })
export class ImportStarted {
  @Field(() => ID) importId!: string;
  @Field(() => Int) rows!: number;
  @Field(() => String, { nullable: true, description: 'Send as X-Consistency-Token so that studentImport sees it' })
  consistencyToken?: string;
}

@InputType({ description: 'A CSV import, as POST /schools/{schoolId}/student-imports takes it.' })
export class ImportStudentsInput {
  @Field(() => ID, { description: 'The academic year every row is enrolled for' }) yearId!: string;
  @Field({ description: `The day of admission and enrolment, ${DAY}, inside the year` }) enrolledOn!: string;
  @Field({ nullable: true, description: 'Up to 200 characters, shown in the report' }) fileName?: string;
  @Field({
    description:
      'The file’s text: a header row, then one student a row (UTF-8, RFC 4180). Large files go to the REST route as text/csv.',
  })
  csv!: string;
}
