import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PayrollEmployeeQueryHandler } from '../../application/payroll-employee.query-handler';
import { PayrollRunQueryHandler } from '../../application/payroll-run.query-handler';
import { IdParam } from './fields';
import { PageQuery, PeriodQuery } from './salary.dto';

/** The employees payroll pays, as HRMS told it (through Kafka only). */
@ApiTags('employees')
@ApiBearerAuth()
@Controller('employees')
@Roles('payroll-admin', 'hr')
export class PayrollEmployeesController {
  constructor(
    private readonly queries: PayrollEmployeeQueryHandler,
    private readonly runs: PayrollRunQueryHandler,
  ) {}

  /** The employee's payslips, every period and revision (recomputed ones left out). */
  @Get(':id/payslips')
  async payslips(@Caller() caller: Principal, @Param() { id }: IdParam) {
    // Someone else's employee (another tenant's, or a made-up id) is not found, not an empty list.
    if (!(await this.queries.get(caller, id))) throw new NotFoundException(`no enrolled employee ${id}`);
    return this.runs.payslipsOfEmployee(caller, id);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: PageQuery) {
    return this.queries.list(caller, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no enrolled employee ${id}`);
    return found;
  }

  @Get(':id/payment-days')
  async paymentDays(@Caller() caller: Principal, @Param() { id }: IdParam, @Query() { period }: PeriodQuery) {
    const found = await this.queries.paymentDays(caller, id, period);
    if (!found) throw new NotFoundException(`no enrolled employee ${id}`);
    return found;
  }
}
