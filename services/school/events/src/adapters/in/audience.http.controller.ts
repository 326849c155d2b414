import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { AudienceQueryHandler } from '../../application/audience.query-handler';
import { PageQuery } from './page.dto';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class AudienceController {
  constructor(private readonly queries: AudienceQueryHandler) {}

  @Get('events/:eventId/audience')
  @ApiOperation({
    summary: "Who the event reaches now, by group and roll number (the school's organisers; 404 outside their school)",
  })
  async audience(@Caller() caller: Principal, @UuidParam('eventId') eventId: string, @Query() page: PageQuery) {
    return this.queries.audience(caller, eventId, { limit: page.limit ?? 50, offset: page.offset ?? 0 });
  }
}
