import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PayrollRunCommandHandler } from '../../application/payroll-run.command-handler';
import { PayrollRunQueryHandler } from '../../application/payroll-run.query-handler';
import { PeriodParam } from './fields';
import { CreateRunBody, OptionalPageQuery, ReasonBody } from './salary.dto';

/** Pay runs by period: create, finalize (lock), cancel, amend; totals and payslips. */
@ApiTags('payroll-runs')
@ApiBearerAuth()
@Controller('payroll-runs')
@Roles('payroll-admin')
export class PayrollRunsController {
  constructor(
    private readonly commands: PayrollRunCommandHandler,
    private readonly queries: PayrollRunQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  create(@Caller() caller: Principal, @Body() body: CreateRunBody) {
    return this.commands.create(caller, body);
  }

  @Post(':period/finalize')
  @HttpCode(200)
  finalize(@Caller() caller: Principal, @Param() { period }: PeriodParam) {
    return this.commands.finalize(caller, period);
  }

  @Post(':period/cancel')
  @HttpCode(200)
  cancel(@Caller() caller: Principal, @Param() { period }: PeriodParam, @Body() body: ReasonBody) {
    return this.commands.cancel(caller, period, body.reason);
  }

  @Post(':period/amend')
  @HttpCode(201)
  amend(@Caller() caller: Principal, @Param() { period }: PeriodParam, @Body() body: ReasonBody) {
    return this.commands.amend(caller, period, body.reason);
  }

  /** Every run (revisions included) with its totals. */
  @Get()
  runs(@Caller() caller: Principal) {
    return this.queries.runs(caller);
  }

  @Get(':period')
  run(@Caller() caller: Principal, @Param() { period }: PeriodParam) {
    return this.queries.runs(caller, period);
  }

  /** By employee name; all of them, or a page with `limit` (and `offset`). */
  @Get(':period/payslips')
  payslips(@Caller() caller: Principal, @Param() { period }: PeriodParam, @Query() page: OptionalPageQuery) {
    return this.queries.payslipsOfRun(caller, period, page);
  }
}
