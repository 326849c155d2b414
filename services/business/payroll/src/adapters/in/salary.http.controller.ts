import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { SalaryCommandHandler } from '../../application/salary.command-handler';
import { IdParam } from './fields';
import { AssignStructureBody, DefineComponentBody, DefineStructureBody } from './salary.dto';

/** Salary components, structures and assignments: the payroll admin's set-up. */
@ApiTags('salary')
@ApiBearerAuth()
@Controller()
@Roles('payroll-admin')
export class SalaryController {
  constructor(private readonly commands: SalaryCommandHandler) {}

  @Post('salary-components')
  @HttpCode(201)
  defineComponent(@Caller() caller: Principal, @Body() body: DefineComponentBody) {
    return this.commands.defineComponent(caller, body);
  }

  @Post('salary-structures')
  @HttpCode(201)
  defineStructure(@Caller() caller: Principal, @Body() body: DefineStructureBody) {
    return this.commands.defineStructure(caller, body);
  }

  @Post('employees/:id/salary-assignments')
  @HttpCode(201)
  assign(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: AssignStructureBody) {
    return this.commands.assign(caller, id, body);
  }
}
