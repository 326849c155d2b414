import { Body, Controller, Get, HttpCode, NotFoundException, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { GroupsCommandHandler } from '../../application/groups.command-handler';
import { SchoolQueryHandler } from '../../application/school.query-handler';
import { WRITERS } from '../../application/school-access';
import { StudentsCommandHandler } from '../../application/students.command-handler';
import { StudentsQueryHandler } from '../../application/students.query-handler';
import { AddStudentBody, AssignTeacherBody, CapacityBody, CreateGroupBody } from './groups.dto';
import { GroupsQuery } from './setup.dto';

/** Student groups (sections of a grade), their students and teachers. */
@ApiTags('groups')
@ApiBearerAuth()
@Controller()
export class GroupsController {
  constructor(
    private readonly groups: GroupsCommandHandler,
    private readonly students: StudentsCommandHandler,
    private readonly schools: SchoolQueryHandler,
    private readonly rosters: StudentsQueryHandler,
  ) {}

  @Post('schools/:schoolId/groups')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Create a group of a year (grade and section unique in the year)' })
  create(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: CreateGroupBody) {
    return this.groups.create(caller, schoolId, body);
  }

  @Get('schools/:schoolId/groups')
  @ApiOperation({ summary: "The school's groups by year, grade and section, a page at a time" })
  list(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: GroupsQuery) {
    return this.schools.groups(caller, { schoolId, ...query, offset: query.offset ?? 0 });
  }

  @Get('groups/:groupId')
  @ApiOperation({ summary: 'One group with its capacity, size and teachers' })
  async get(@Caller() caller: Principal, @UuidParam('groupId') groupId: string) {
    const group = await this.schools.group(caller, groupId);
    if (!group) throw new NotFoundException(`no group ${groupId}`);
    return group;
  }

  @Put('groups/:groupId/capacity')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Change the group's capacity (never below its students)" })
  async capacity(@Caller() caller: Principal, @UuidParam('groupId') groupId: string, @Body() body: CapacityBody) {
    await this.groups.changeCapacity(caller, groupId, body.capacity);
  }

  @Post('groups/:groupId/teachers')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Assign a teacher to a subject of the group, or as its class teacher' })
  async assign(@Caller() caller: Principal, @UuidParam('groupId') groupId: string, @Body() body: AssignTeacherBody) {
    await this.groups.assignTeacher(caller, groupId, { ...body, subjectId: body.subjectId ?? null });
  }

  @Get('groups/:groupId/students')
  @ApiOperation({ summary: "The group's students by roll number (staff of the school)" })
  async members(@Caller() caller: Principal, @UuidParam('groupId') groupId: string) {
    const members = await this.rosters.members(caller, groupId);
    if (!members) throw new NotFoundException(`no group ${groupId}`);
    return members;
  }

  @Post('groups/:groupId/students')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Place an enrolled student in the group, or move them here from another of the year' })
  async place(@Caller() caller: Principal, @UuidParam('groupId') groupId: string, @Body() body: AddStudentBody) {
    await this.students.changeGroup(caller, groupId, body.studentId, body.rollNumber);
  }
}
