import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { IdParam } from './fields';
import { LeaveRequestCommandHandler } from '../../application/leave-request.command-handler';
import { LeaveQueryHandler } from '../../application/leave.query-handler';
import { ApplyForLeaveBody, CalendarQuery, DecisionBody, LeaveRequestsQuery } from './leave.dto';

/** Apply, approve, reject, cancel; the list of requests and the leave calendar. */
@ApiTags('leave')
@ApiBearerAuth()
@Controller('leave-requests')
export class LeaveRequestsController {
  constructor(
    private readonly commands: LeaveRequestCommandHandler,
    private readonly queries: LeaveQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('employee', 'manager', 'hr')
  apply(@Caller() caller: Principal, @Body() body: ApplyForLeaveBody) {
    return this.commands.apply(caller, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('manager', 'hr')
  approve(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.commands.approve(caller, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('manager', 'hr')
  reject(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: DecisionBody) {
    return this.commands.reject(caller, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('employee', 'manager', 'hr')
  cancel(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: DecisionBody) {
    return this.commands.cancel(caller, id, body.reason);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: LeaveRequestsQuery) {
    return this.queries.list(caller, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  /** Who is away in a date range: pending and approved leave, with names and departments. */
  @Get('calendar')
  calendar(@Caller() caller: Principal, @Query() query: CalendarQuery) {
    return this.queries.calendar(caller, query);
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.request(caller, id);
    if (!found) throw new NotFoundException(`no leave request ${id}`);
    return found;
  }
}
