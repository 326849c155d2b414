import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Caller, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ActivityQueryHandler } from '../../application/activity.query-handler';

class FeedQuery {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Only items before this instant (paging)' })
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
    return this.queries.feed(caller, schoolId, query.limit ?? 50, query.before);
  }
}
