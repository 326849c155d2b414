import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { CommandResult } from '../common/results';
import {
  AttendanceRangeArgs,
  AttendanceSettings,
  ClassRegister,
  CorrectAttendanceInput,
  DayRegister,
  GroupAttendanceReport,
  MarkRegisterInput,
  RegisterMarked,
  SchoolAttendanceReport,
  StudentAttendanceReport,
  StudentLeaveInput,
} from './attendance.types';

const SESSION = { type: () => ID, description: 'The Admin class session (UUID)' };
const DATE = { description: 'YYYY-MM-DD' };
const registerOf = (sessionId: string, date: string) => `/sessions/${segment(sessionId)}/registers/${segment(date)}`;

/** School attendance through the gateway: one field per REST operation of the service. */
@Resolver()
export class SchoolAttendanceResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [DayRegister], {
    description: "A teacher's lessons of a day (the caller's by default) and their registers.",
  })
  @Fronts('attendance', 'GET /registers')
  teacherRegisters(
    @Context() context: GqlContext,
    @Args('date', DATE) date: string,
    @Args('teacherUserId', { type: () => ID, nullable: true }) teacherUserId?: string,
  ) {
    return this.rest.get<DayRegister[]>(context, 'attendance', withQuery('/registers', { date, teacherUserId }));
  }

  @Query(() => ClassRegister, { description: 'One register: every student in the group that day with their record.' })
  @Fronts('attendance', 'GET /sessions/{sessionId}/registers/{date}')
  classRegister(
    @Context() context: GqlContext,
    @Args('sessionId', SESSION) sessionId: string,
    @Args('date', DATE) date: string,
  ) {
    return this.rest.get<ClassRegister>(context, 'attendance', registerOf(sessionId, date));
  }

  @Mutation(() => RegisterMarked, { description: 'Mark a register: all present, then the exceptions, in one command.' })
  @Fronts('attendance', 'POST /sessions/{sessionId}/registers/{date}/marks')
  markRegister(
    @Context() context: GqlContext,
    @Args('sessionId', SESSION) sessionId: string,
    @Args('date', DATE) date: string,
    @Args('input') input: MarkRegisterInput,
  ) {
    return this.written(context, `${registerOf(sessionId, date)}/marks`, {
      ...input,
      marks: input.marks.map((m) => ({ ...m })),
    });
  }

  @Mutation(() => RegisterMarked, {
    description: "Correct one student's record, audited; after the lock only with a reason.",
  })
  @Fronts('attendance', 'POST /sessions/{sessionId}/registers/{date}/corrections')
  correctAttendance(
    @Context() context: GqlContext,
    @Args('sessionId', SESSION) sessionId: string,
    @Args('date', DATE) date: string,
    @Args('input') input: CorrectAttendanceInput,
  ) {
    return this.written(context, `${registerOf(sessionId, date)}/corrections`, { ...input });
  }

  @Mutation(() => CommandResult, {
    description: "Record a student's leave ahead (the school's office, for a guardian).",
  })
  @Fronts('attendance', 'POST /groups/{groupId}/leaves')
  async recordStudentLeave(
    @Context() context: GqlContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('input') input: StudentLeaveInput,
  ): Promise<CommandResult> {
    const path = `/groups/${segment(groupId)}/leaves`;
    const reply = await this.rest.send<{ leaveId: string }>(context, 'attendance', 'POST', path, { ...input });
    return { id: reply.body.leaveId, consistencyToken: reply.consistencyToken };
  }

  @Query(() => StudentAttendanceReport, { description: "A student's attendance over a range, with percentages." })
  @Fronts('attendance', 'GET /students/{studentId}/attendance')
  studentAttendance(
    @Context() context: GqlContext,
    @Args('studentId', { type: () => ID }) studentId: string,
    @Args() { from, to }: AttendanceRangeArgs,
  ) {
    const path = withQuery(`/students/${segment(studentId)}/attendance`, { from, to });
    return this.rest.get<StudentAttendanceReport>(context, 'attendance', path);
  }

  @Mutation(() => AttendanceSettings, {
    description:
      "Per lesson or daily: a daily school takes each group's register in its first lesson of the day (the school's admin or HQ).",
  })
  @Fronts('attendance', 'PUT /schools/{schoolId}/attendance-settings')
  async setAttendanceMode(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('mode', { description: 'lesson or daily' }) mode: string,
  ): Promise<AttendanceSettings> {
    const path = `/schools/${segment(schoolId)}/attendance-settings`;
    return (await this.rest.send<AttendanceSettings>(context, 'attendance', 'PUT', path, { mode })).body;
  }

  @Query(() => SchoolAttendanceReport, {
    description: "A school's attendance over a range, in all, per group and per day, with percentages.",
  })
  @Fronts('attendance', 'GET /schools/{schoolId}/attendance')
  schoolAttendance(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args() { from, to }: AttendanceRangeArgs,
  ) {
    const path = withQuery(`/schools/${segment(schoolId)}/attendance`, { from, to });
    return this.rest.get<SchoolAttendanceReport>(context, 'attendance', path);
  }

  @Query(() => GroupAttendanceReport, { description: "A group's attendance over a range, per student and in all." })
  @Fronts('attendance', 'GET /groups/{groupId}/attendance')
  groupAttendance(
    @Context() context: GqlContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args() { from, to }: AttendanceRangeArgs,
  ) {
    const path = withQuery(`/groups/${segment(groupId)}/attendance`, { from, to });
    return this.rest.get<GroupAttendanceReport>(context, 'attendance', path);
  }

  @Query(() => String, {
    description: "A group's report over a range as CSV: a row per student with names, then the totals.",
  })
  @Fronts('attendance', 'GET /groups/{groupId}/attendance.csv')
  groupAttendanceCsv(
    @Context() context: GqlContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args() { from, to }: AttendanceRangeArgs,
  ) {
    return this.rest.getText(
      context,
      'attendance',
      withQuery(`/groups/${segment(groupId)}/attendance.csv`, { from, to }),
    );
  }

  private async written(context: GqlContext, path: string, body: object): Promise<RegisterMarked> {
    const reply = await this.rest.send<{ registerId: string; recorded: number }>(
      context,
      'attendance',
      'POST',
      path,
      body,
    );
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }
}
