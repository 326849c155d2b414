import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { MARKERS, STAFF } from '../../application/access';
import { LeavesCommandHandler } from '../../application/leaves.command-handler';
import { RegistersCommandHandler } from '../../application/registers.command-handler';
import { RegistersQueryHandler } from '../../application/registers.query-handler';
import { CorrectionBody, DayQuery, GroupParams, LeaveBody, MarkRegisterBody, RegisterParams } from './registers.dto';

/** Registers: one per class session and day, taken by the school's teachers. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller()
export class RegistersController {
  constructor(
    private readonly commands: RegistersCommandHandler,
    private readonly queries: RegistersQueryHandler,
    private readonly leaves: LeavesCommandHandler,
  ) {}

  @Get('registers')
  @Roles(...STAFF)
  @ApiOperation({
    summary: "A teacher's lessons of a day with their registers' state (open, partial, taken, cancelled, holiday)",
  })
  day(@Caller() caller: Principal, @Query() query: DayQuery) {
    return this.queries.day(caller, query.date, query.teacherUserId);
  }

  @Get('sessions/:sessionId/registers/:date')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'One register: every student in the group that day with their record, the codes, the lock' })
  register(@Caller() caller: Principal, @Param() { sessionId, date }: RegisterParams) {
    return this.queries.register(caller, sessionId, date);
  }

  @Post('sessions/:sessionId/registers/:date/marks')
  @HttpCode(200)
  @Roles(...MARKERS)
  @ApiOperation({
    summary:
      'Mark a register: all present, then the exceptions, in one command (409 holiday, session-cancelled, register-locked, already-marked; 422 date-in-future, student-not-in-group, unknown-code)',
  })
  mark(@Caller() caller: Principal, @Param() { sessionId, date }: RegisterParams, @Body() body: MarkRegisterBody) {
    return this.commands.mark(caller, sessionId, date, body);
  }

  @Post('groups/:groupId/leaves')
  @HttpCode(201)
  @Roles(...MARKERS)
  @ApiOperation({
    summary:
      "Record a student's leave ahead: their lessons with the group on those days are pre-filled excused (422 leave-ends-before-start, leave-too-long, student-not-in-group; 409 leave-overlaps)",
  })
  recordLeave(@Caller() caller: Principal, @Param() { groupId }: GroupParams, @Body() body: LeaveBody) {
    return this.leaves.record(caller, groupId, body);
  }

  @Post('sessions/:sessionId/registers/:date/corrections')
  @HttpCode(200)
  @Roles(...MARKERS)
  @ApiOperation({
    summary: "Correct one student's record, audited; after the lock only with a reason (422 reason-required)",
  })
  correct(@Caller() caller: Principal, @Param() { sessionId, date }: RegisterParams, @Body() body: CorrectionBody) {
    return this.commands.correct(caller, sessionId, date, body);
  }
}
