import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { TransfersCommandHandler } from '../../application/transfers.command-handler';
import { TransfersQueryHandler } from '../../application/transfers.query-handler';
import { StaffTransferBody, TransferBody } from './transfers.dto';

/** Student and staff transfers between the group's schools: HQ moves people; their school sees where they are. */
@ApiTags('transfers')
@ApiBearerAuth()
@Controller()
export class TransfersController {
  constructor(
    private readonly commands: TransfersCommandHandler,
    private readonly queries: TransfersQueryHandler,
  ) {}

  @Post('students/:id/transfers')
  @HttpCode(201)
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Move a student to another school (409 not-at-school: one home school at a time)' })
  transferStudent(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: TransferBody) {
    return this.commands.transferStudent(caller, id, { ...body, reason: body.reason ?? '' });
  }

  @Get('students/:id/home')
  @ApiOperation({ summary: 'A student’s home school and the transfers that led there' })
  studentHome(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.queries.studentHome(caller, id);
  }

  @Post('staff/:id/transfers')
  @HttpCode(201)
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Move a member of staff (identity user) to another school with their school roles' })
  transferStaff(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: StaffTransferBody) {
    return this.commands.transferStaff(caller, id, { ...body, reason: body.reason ?? '' });
  }

  @Get('staff/:id/placement')
  @ApiOperation({ summary: 'The school a member of staff works in, with their roles and transfers' })
  staffPlacement(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.queries.staffPlacement(caller, id);
  }
}
