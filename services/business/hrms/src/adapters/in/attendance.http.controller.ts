import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { AttendanceHandler } from '../../application/attendance.handler';
import { ISO_DATE } from './employee.dto';

class MarkAttendanceBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() employeeId!: string;
  @ApiProperty({ example: '2026-04-08' }) @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' }) date!: string;
  @ApiProperty({ enum: ['present', 'absent', 'half_day'], description: 'on_leave comes only from an approved leave' })
  @IsIn(['present', 'absent', 'half_day'])
  status!: 'present' | 'absent' | 'half_day';
}

class MonthQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() employeeId!: string;
  @ApiProperty({ example: '2026-04' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('hr', 'manager')
  mark(@Caller() caller: Principal, @Body() body: MarkAttendanceBody) {
    return this.attendance.mark(caller, body);
  }

  /** One employee's month sheet with totals. */
  @Get()
  month(@Caller() caller: Principal, @Query() query: MonthQuery) {
    return this.attendance.month(caller, query.employeeId, query.month);
  }
}
