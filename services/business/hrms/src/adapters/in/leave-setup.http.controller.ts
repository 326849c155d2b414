import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { IdParam } from './fields';
import { LeaveSetupCommandHandler } from '../../application/leave-setup.command-handler';
import { LeaveQueryHandler } from '../../application/leave.query-handler';
import {
  AllocateLeaveBody,
  BalancesQuery,
  DefineLeaveTypeBody,
  PublishHolidayListBody,
  ReviseHolidaysBody,
} from './leave.dto';

/** Leave types: HR defines them; everyone reads them to apply. */
@ApiTags('leave')
@ApiBearerAuth()
@Controller('leave-types')
export class LeaveTypesController {
  constructor(
    private readonly commands: LeaveSetupCommandHandler,
    private readonly queries: LeaveQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hr')
  define(@Caller() caller: Principal, @Body() body: DefineLeaveTypeBody) {
    return this.commands.defineLeaveType(caller, body);
  }

  @Get()
  list(@Caller() caller: Principal) {
    return this.queries.leaveTypes(caller);
  }
}

/** Holiday lists: the non-working days leave does not count. */
@ApiTags('leave')
@ApiBearerAuth()
@Controller('holiday-lists')
export class HolidayListsController {
  constructor(
    private readonly commands: LeaveSetupCommandHandler,
    private readonly queries: LeaveQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hr')
  publish(@Caller() caller: Principal, @Body() body: PublishHolidayListBody) {
    return this.commands.publishHolidayList(caller, body);
  }

  @Put(':id/holidays')
  @Roles('hr')
  revise(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ReviseHolidaysBody) {
    return this.commands.reviseHolidayList(caller, id, body.holidays);
  }

  @Get()
  list(@Caller() caller: Principal) {
    return this.queries.holidayLists(caller);
  }
}

/** Yearly allocations of paid leave, and the balances they leave. */
@ApiTags('leave')
@ApiBearerAuth()
@Controller('leave-allocations')
export class LeaveAllocationsController {
  constructor(
    private readonly commands: LeaveSetupCommandHandler,
    private readonly queries: LeaveQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hr')
  allocate(@Caller() caller: Principal, @Body() body: AllocateLeaveBody) {
    return this.commands.allocate(caller, body);
  }

  /** Balances: allocated, used (held by pending or approved requests) and available days. */
  @Get()
  balances(@Caller() caller: Principal, @Query() query: BalancesQuery) {
    return this.queries.balances(caller, query);
  }
}
