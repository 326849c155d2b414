import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@hexfleet/kernel';
import { Caller } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { RegistersQueryHandler } from '../../application/registers.query-handler';
import { daysBetween } from '../../domain';
import { GroupParams, RangeQuery, SchoolParams, StudentParams } from './registers.dto';
import { reportCsv } from './report-csv';

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

  @Get('schools/:schoolId/attendance')
  @ApiOperation({
    summary: "A school's records over a range, in all, per group and per day, with rates (422 invalid-range)",
  })
  school(@Caller() caller: Principal, @Param() { schoolId }: SchoolParams, @Query() query: RangeQuery) {
    return this.queries.school(caller, schoolId, range(query));
  }

  @Get('groups/:groupId/attendance.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "The group's report as CSV: a row per student by roll number with names, then the totals" })
  async groupCsv(@Caller() caller: Principal, @Param() { groupId }: GroupParams, @Query() query: RangeQuery) {
    const report = await this.queries.namedGroup(caller, groupId, range(query));
    return reportCsv(report.students, report.totals);
  }
}
