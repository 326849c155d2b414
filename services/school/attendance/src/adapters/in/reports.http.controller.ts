import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@hexfleet/kernel';
import { Caller } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { RegistersQueryHandler } from '../../application/registers.query-handler';
import { daysBetween } from '../../domain';
import { GroupParams, RangeQuery, StudentParams } from './registers.dto';

/** The longest report range. */
const MAX_RANGE_DAYS = 366;

function range({ from, to }: RangeQuery) {
  const days = daysBetween(from, to);
  if (days < 0 || days > MAX_RANGE_DAYS) throw new DomainError('invalid-range', { from, to, maxDays: MAX_RANGE_DAYS });
  return { from, to };
}

/** Attendance over a date range, with percentages. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly queries: RegistersQueryHandler) {}

  @Get('students/:studentId/attendance')
  @ApiOperation({
    summary: "A student's records by meaning over a range, with the attendance rate (422 invalid-range)",
  })
  student(@Caller() caller: Principal, @Param() { studentId }: StudentParams, @Query() query: RangeQuery) {
    return this.queries.student(caller, studentId, range(query));
  }

  @Get('groups/:groupId/attendance')
  @ApiOperation({ summary: "A group's records over a range, per student and in all, with rates (422 invalid-range)" })
  group(@Caller() caller: Principal, @Param() { groupId }: GroupParams, @Query() query: RangeQuery) {
    return this.queries.group(caller, groupId, range(query));
  }
}
