import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PayrollEmployeeQueryHandler } from '../../application/payroll-employee.query-handler';
import { PayrollRunQueryHandler } from '../../application/payroll-run.query-handler';

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

class PageQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

class PeriodQuery {
  @ApiPropertyOptional({ example: '2026-03', description: 'Pay period YYYY-MM' })
  @Matches(PERIOD, { message: 'period must be YYYY-MM' })
  period!: string;
}

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
  payslips(@Caller() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.runs.payslipsOfEmployee(caller, id);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: PageQuery) {
    return this.queries.list(caller, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no enrolled employee ${id}`);
    return found;
  }

  @Get(':id/payment-days')
  async paymentDays(
    @Caller() caller: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() { period }: PeriodQuery,
  ) {
    const found = await this.queries.paymentDays(caller, id, period);
    if (!found) throw new NotFoundException(`no enrolled employee ${id}`);
    return found;
  }
}
