import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles, UuidField } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { RolloverCommandHandler } from '../../application/rollover.command-handler';

export class RolloverBody {
  @UuidField({ description: 'The academic year that ends (published)' }) fromYearId!: string;
  @UuidField({ description: 'The academic year the schools move into (published, starting later)' }) toYearId!: string;
}

/** The year-end rollover: HQ's only; run once per ending year, resumed by running it again. */
@ApiTags('rollovers')
@ApiBearerAuth()
@Controller('rollovers')
@Roles('hq-admin')
export class RolloversController {
  constructor(private readonly rollover: RolloverCommandHandler) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Run (or resume) the rollover of a year: every open school steps into the next year once; answers how far it got (409 rollover-already-completed)',
  })
  run(@Caller() caller: Principal, @Body() body: RolloverBody) {
    return this.rollover.run(caller, body.fromYearId, body.toYearId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'How far the rollover of the year `id` got, school by school' })
  progress(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.rollover.progress(caller.tenant, id);
  }
}
