import { Body, Controller, Get, HttpCode, NotFoundException, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { WRITERS } from '../../application/school-access';
import { StudentsCommandHandler } from '../../application/students.command-handler';
import { StudentsQueryHandler } from '../../application/students.query-handler';
import { AdmitStudentBody, EnrolBody, PromoteBody, StudentsQuery, WithdrawBody } from './students.dto';

/** Admission, enrolment, promotion and withdrawal; records read by the school's staff. */
@ApiTags('students')
@ApiBearerAuth()
@Controller()
export class StudentsController {
  constructor(
    private readonly commands: StudentsCommandHandler,
    private readonly queries: StudentsQueryHandler,
  ) {}

  @Post('schools/:schoolId/students')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Admit a student with their guardians (admission number unique in the school)' })
  admit(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: AdmitStudentBody) {
    return this.commands.admit(caller, schoolId, { ...body, lastName: body.lastName ?? '' });
  }

  @Get('schools/:schoolId/students')
  @ApiOperation({ summary: "The school's students by name, a page at a time" })
  list(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: StudentsQuery) {
    return this.queries.students(caller, { schoolId, ...query, offset: query.offset ?? 0 });
  }

  @Get('students/:studentId')
  @ApiOperation({ summary: "One student's record" })
  async get(@Caller() caller: Principal, @UuidParam('studentId') studentId: string) {
    const student = await this.queries.student(caller, studentId);
    if (!student) throw new NotFoundException(`no student ${studentId}`);
    return student;
  }

  @Post('students/:studentId/enrolment')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Enrol the student for an academic year, in a group of it when one is named' })
  async enrol(@Caller() caller: Principal, @UuidParam('studentId') studentId: string, @Body() body: EnrolBody) {
    await this.commands.enrol(caller, studentId, body);
  }

  @Post('students/:studentId/withdrawal')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Withdraw the student from the school (and their group)' })
  async withdraw(@Caller() caller: Principal, @UuidParam('studentId') studentId: string, @Body() body: WithdrawBody) {
    await this.commands.withdraw(caller, studentId, body);
  }

  @Post('students/:studentId/promotion')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Promote the student to a later year's group" })
  async promote(@Caller() caller: Principal, @UuidParam('studentId') studentId: string, @Body() body: PromoteBody) {
    await this.commands.promote(caller, studentId, body);
  }
}
