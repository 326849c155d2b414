import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { Caller, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ActivityQueryHandler } from '../../application/activity.query-handler';
import { PageQuery } from './page.dto';

class FeedQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only items before this instant (paging by time)' })
  @IsOptional()
  @IsISO8601()
  before?: string;
}

@ApiTags('activity')
@ApiBearerAuth()
@Controller('schools/:schoolId/activity')
export class ActivityController {
  constructor(private readonly queries: ActivityQueryHandler) {}

  @Get()
  @ApiOperation({ summary: "The school's activity feed (library loans and returns), newest first" })
  async feed(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: FeedQuery) {
    return this.queries.feed(caller, schoolId, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      before: query.before,
    });
  }
}
