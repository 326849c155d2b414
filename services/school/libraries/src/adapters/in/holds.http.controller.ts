import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CirculationQueryHandler } from '../../application/circulation.query-handler';
import { HoldsCommandHandler } from '../../application/holds.command-handler';
import { STAFF } from '../../application/patron-access';
import { PlaceHoldBody, ReasonBody } from './catalogue.dto';

/** The holds queue: the desk for anyone, a signed-in patron for themself. */
@ApiTags('holds')
@ApiBearerAuth()
@Controller()
export class HoldsController {
  constructor(
    private readonly holds: HoldsCommandHandler,
    private readonly queries: CirculationQueryHandler,
  ) {}

  @Post('titles/:titleId/holds')
  @ApiOperation({ summary: "Join the title's holds queue (staff for any patron, a patron for themself)" })
  async place(@Caller() caller: Principal, @UuidParam('titleId') titleId: string, @Body() body: PlaceHoldBody) {
    return this.holds.place(caller, titleId, body.patronId);
  }

  @Delete('titles/:titleId/holds/:holdId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a hold; a copy waiting for it goes to the next in line' })
  async cancel(
    @Caller() caller: Principal,
    @UuidParam('titleId') titleId: string,
    @UuidParam('holdId') holdId: string,
    @Body() body: ReasonBody,
  ) {
    await this.holds.cancel(caller, titleId, holdId, body.reason);
  }

  @Get('titles/:titleId/holds')
  @Roles(...STAFF)
  @ApiOperation({ summary: "The title's queue: ready (on the hold shelf) and waiting, in order" })
  async queue(@Caller() caller: Principal, @UuidParam('titleId') titleId: string) {
    return this.queries.titleHolds(caller, titleId);
  }

  @Get('patrons/:patronId/holds')
  @ApiOperation({ summary: "A patron's open holds and places in queue (staff, or the patron themself)" })
  async patronHolds(@Caller() caller: Principal, @UuidParam('patronId') patronId: string) {
    return this.queries.patronHolds(caller, patronId);
  }
}
