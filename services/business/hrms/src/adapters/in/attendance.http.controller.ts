import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { AttendanceCommandHandler } from '../../application/attendance.command-handler';
import { AttendanceQueryHandler } from '../../application/attendance.query-handler';
import { DateField, EnumField, MonthField, UuidField } from './fields';

class MarkAttendanceBody {
  @UuidField() employeeId!: string;
  @DateField({ example: '2026-04-08' }) date!: string;
  @EnumField(['present', 'absent', 'half_day'], { description: 'on_leave comes only from an approved leave' })
  status!: 'present' | 'absent' | 'half_day';
}

class MonthQuery {
  @UuidField() employeeId!: string;
  @MonthField() month!: string;
}

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('attendance')
export class AttendanceController {
  constructor(
    private readonly commands: AttendanceCommandHandler,
    private readonly queries: AttendanceQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hr', 'manager')
  mark(@Caller() caller: Principal, @Body() body: MarkAttendanceBody) {
    return this.commands.mark(caller, body);
  }

  /** One employee's month sheet with totals. */
  @Get()
  month(@Caller() caller: Principal, @Query() query: MonthQuery) {
    return this.queries.month(caller, query.employeeId, query.month);
  }
}
