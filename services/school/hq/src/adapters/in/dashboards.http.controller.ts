import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, DateField, EnumField, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { DashboardsQueryHandler } from '../../application/dashboards.query-handler';
import { INTERVALS } from '../../domain';
import type { Interval } from '../../domain';

export class RangeQuery {
  @DateField({ optional: true, description: 'First day; four weeks before today when left out' }) from?: string;
  @DateField({ optional: true, description: 'Last day, inclusive; four weeks after today when left out' }) to?: string;
  @EnumField(INTERVALS, { optional: true, description: 'Points per day (the default) or per ISO week' })
  interval?: Interval;
}

/** Consolidated dashboards as series a chart draws: per school (fenced) and for the group (HQ). */
@ApiTags('dashboards')
@ApiBearerAuth()
@Controller()
export class DashboardsController {
  constructor(private readonly queries: DashboardsQueryHandler) {}

  @Get('schools/:id/dashboard')
  @ApiOperation({ summary: 'One school’s dashboard: overdue loans and upcoming events per day or week' })
  school(@Caller() caller: Principal, @Param() { id }: IdParam, @Query() range: RangeQuery) {
    return this.queries.school(caller, id, range);
  }

  @Get('dashboard')
  @Roles('hq-admin')
  @ApiOperation({ summary: 'The group’s dashboard: every school’s counts together (HQ)' })
  group(@Caller() caller: Principal, @Query() range: RangeQuery) {
    return this.queries.group(caller, range);
  }
}
