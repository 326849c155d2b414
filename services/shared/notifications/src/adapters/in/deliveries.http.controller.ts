import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { DeliveryCommandHandler } from '../../application/delivery.command-handler';
import { DeliveryQueryHandler } from '../../application/delivery.query-handler';
import { DeliveryNameBody, DeliveriesQuery } from './deliveries.dto';

/** Deliveries: written by the roles tenant-admin and school-admin, read by everyone of the tenant. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly commands: DeliveryCommandHandler,
    private readonly queries: DeliveryQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('tenant-admin', 'school-admin')
  @ApiOperation({ summary: 'Create a delivery; answers its id and X-Consistency-Token' })
  create(@Caller() caller: Principal, @Body() body: DeliveryNameBody) {
    return this.commands.create(caller, body.name);
  }

  @Get()
  @ApiOperation({ summary: 'The deliveries, by name, a page at a time' })
  list(@Caller() caller: Principal, @Query() query: DeliveriesQuery) {
    return this.queries.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery' })
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no delivery ${id}`);
    return found;
  }

  @Post(':id/rename')
  @HttpCode(200)
  @Roles('tenant-admin', 'school-admin')
  @ApiOperation({ summary: 'Give a delivery another name (409 when it already has it)' })
  rename(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: DeliveryNameBody) {
    return this.commands.rename(caller, id, body.name);
  }
}
