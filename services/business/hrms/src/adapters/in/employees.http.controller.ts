import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { IdParam } from './fields';
import { EmployeeCommandHandler } from '../../application/employee.command-handler';
import { EmployeeQueryHandler } from '../../application/employee.query-handler';
import {
  DirectoryQuery,
  HireEmployeeBody,
  PromoteEmployeeBody,
  SeparateEmployeeBody,
  TransferEmployeeBody,
} from './employee.dto';

/** The employee master: HR writes it; everyone in the company may look people up. */
@ApiTags('employees')
@ApiBearerAuth()
@Controller('employees')
export class EmployeesController {
  constructor(
    private readonly commands: EmployeeCommandHandler,
    private readonly queries: EmployeeQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hr')
  hire(@Caller() caller: Principal, @Body() body: HireEmployeeBody) {
    return this.commands.hire(caller, body);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: DirectoryQuery) {
    return this.queries.list(caller, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no employee ${id}`);
    return found;
  }

  @Post(':id/promotions')
  @HttpCode(201)
  @Roles('hr')
  promote(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: PromoteEmployeeBody) {
    return this.commands.promote(caller, id, body);
  }

  @Post(':id/transfers')
  @HttpCode(201)
  @Roles('hr')
  transfer(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: TransferEmployeeBody) {
    const { toDepartment, effectiveDate } = body;
    return this.commands.transfer(caller, id, {
      toDepartment,
      effectiveDate,
      toManagerId: body.toManagerId ?? null,
      holidayListId: body.holidayListId ?? null,
    });
  }

  @Post(':id/separation')
  @HttpCode(201)
  @Roles('hr')
  separate(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: SeparateEmployeeBody) {
    return this.commands.separate(caller, id, body);
  }
}
