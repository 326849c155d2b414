import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PayrollRunCommandHandler } from '../../application/payroll-run.command-handler';
import { PayrollRunQueryHandler } from '../../application/payroll-run.query-handler';
import { PERIOD } from './payroll-employees.http.controller';
import { CreateRunBody, ReasonBody } from './salary.dto';

const period = (value: string) => {
  if (!PERIOD.test(value)) throw new BadRequestException('period must be YYYY-MM');
  return value;
};

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
  finalize(@Caller() caller: Principal, @Param('period') value: string) {
    return this.commands.finalize(caller, period(value));
  }

  @Post(':period/cancel')
  @HttpCode(200)
  cancel(@Caller() caller: Principal, @Param('period') value: string, @Body() body: ReasonBody) {
    return this.commands.cancel(caller, period(value), body.reason);
  }

  @Post(':period/amend')
  @HttpCode(201)
  amend(@Caller() caller: Principal, @Param('period') value: string, @Body() body: ReasonBody) {
    return this.commands.amend(caller, period(value), body.reason);
  }

  /** Every run (revisions included) with its totals. */
  @Get()
  runs(@Caller() caller: Principal) {
    return this.queries.runs(caller);
  }

  @Get(':period')
  run(@Caller() caller: Principal, @Param('period') value: string) {
    return this.queries.runs(caller, period(value));
  }

  @Get(':period/payslips')
  payslips(@Caller() caller: Principal, @Param('period') value: string) {
    return this.queries.payslipsOfRun(caller, period(value));
  }
}
