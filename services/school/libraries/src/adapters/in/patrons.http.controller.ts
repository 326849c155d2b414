import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CirculationQueryHandler } from '../../application/circulation.query-handler';
import { STAFF } from '../../application/patron-access';
import { PatronsCommandHandler } from '../../application/patrons.command-handler';
import { ReasonBody } from './catalogue.dto';
import { CategoryBody, LoansQuery, PatronsQuery, RegisterPatronBody } from './circulation.dto';

@ApiTags('patrons')
@ApiBearerAuth()
@Controller('patrons')
export class PatronsController {
  constructor(
    private readonly patrons: PatronsCommandHandler,
    private readonly queries: CirculationQueryHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Patrons by id (staff: any; anyone else: only the patron linked to them)' })
  async byIds(@Caller() caller: Principal, @Query() query: PatronsQuery) {
    return this.queries.patrons(caller, query.ids);
  }

  @Post()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Register a library patron of a school' })
  async register(@Caller() caller: Principal, @Body() body: RegisterPatronBody) {
    return this.patrons.register(caller, { ...body, userId: body.userId ?? null });
  }

  @Post(':patronId/block')
  @HttpCode(204)
  @Roles(...STAFF)
  async block(@Caller() caller: Principal, @UuidParam('patronId') id: string, @Body() body: ReasonBody) {
    await this.patrons.change(caller, id, { type: 'BlockPatron', reason: body.reason });
  }

  @Post(':patronId/unblock')
  @HttpCode(204)
  @Roles(...STAFF)
  async unblock(@Caller() caller: Principal, @UuidParam('patronId') id: string) {
    await this.patrons.change(caller, id, { type: 'UnblockPatron' });
  }

  @Post(':patronId/withdraw')
  @HttpCode(204)
  @Roles(...STAFF)
  async withdraw(@Caller() caller: Principal, @UuidParam('patronId') id: string, @Body() body: ReasonBody) {
    await this.patrons.change(caller, id, { type: 'WithdrawPatron', reason: body.reason });
  }

  @Put(':patronId/category')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: "Change the patron's category (which loan rules apply from the next checkout)" })
  async category(@Caller() caller: Principal, @UuidParam('patronId') id: string, @Body() body: CategoryBody) {
    await this.patrons.change(caller, id, { type: 'ChangePatronCategory', category: body.category });
  }

  @Get(':patronId/loans')
  @ApiOperation({ summary: "A patron's loans (staff, or the patron themself)" })
  async loans(@Caller() caller: Principal, @UuidParam('patronId') id: string, @Query() query: LoansQuery) {
    return this.queries.patronLoans(caller, id, query.status, { limit: query.limit, offset: query.offset });
  }

  @Get(':patronId/fines')
  @ApiOperation({ summary: "A patron's fines and what is outstanding (staff, or the patron themself)" })
  async fines(@Caller() caller: Principal, @UuidParam('patronId') id: string) {
    return this.queries.patronFines(caller, id);
  }
}
