import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { WRITERS } from '../../application/school-access';
import { TimetableCommandHandler } from '../../application/timetable.command-handler';
import { TimetableQueryHandler } from '../../application/timetable.query-handler';
import { CancelSessionBody, DaysQuery, RoomDaysQuery, ScheduleSessionBody } from './timetable.dto';

/** Class sessions of a term, and lessons day by day for a group, a teacher or a room. */
@ApiTags('timetable')
@ApiBearerAuth()
@Controller()
export class TimetableController {
  constructor(
    private readonly commands: TimetableCommandHandler,
    private readonly queries: TimetableQueryHandler,
  ) {}

  @Post('schools/:schoolId/terms/:termId/sessions')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Schedule a weekly session (or one lesson): inside the term, never double-booking' })
  schedule(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @UuidParam('termId') termId: string,
    @Body() body: ScheduleSessionBody,
  ) {
    return this.commands.schedule(caller, schoolId, termId, body);
  }

  @Get('schools/:schoolId/terms/:termId/sessions')
  @ApiOperation({ summary: "The term's sessions, with the days they were cancelled" })
  sessions(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @UuidParam('termId') termId: string) {
    return this.queries.sessions(caller, schoolId, termId);
  }

  @Post('schools/:schoolId/terms/:termId/sessions/:sessionId/cancellations')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Cancel one day's lesson, or the whole session" })
  async cancel(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @UuidParam('termId') termId: string,
    @UuidParam('sessionId') sessionId: string,
    @Body() body: CancelSessionBody,
  ) {
    await this.commands.cancel(caller, schoolId, termId, sessionId, { date: body.date ?? null, reason: body.reason });
  }

  @Get('groups/:groupId/timetable')
  @ApiOperation({ summary: "The group's lessons day by day (at most 42 days)" })
  group(@Caller() caller: Principal, @UuidParam('groupId') groupId: string, @Query() days: DaysQuery) {
    return this.queries.groupLessons(caller, groupId, days);
  }

  @Get('schools/:schoolId/teachers/:teacherUserId/timetable')
  @ApiOperation({ summary: "A teacher's lessons in the school day by day (at most 42 days)" })
  teacher(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @UuidParam('teacherUserId') teacherUserId: string,
    @Query() days: DaysQuery,
  ) {
    return this.queries.lessonsOf(caller, { schoolId, teacherUserId, ...days });
  }

  @Get('schools/:schoolId/room-timetable')
  @ApiOperation({ summary: "A room's lessons day by day (at most 42 days)" })
  room(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: RoomDaysQuery) {
    return this.queries.lessonsOf(caller, { schoolId, ...query });
  }
}
