import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { NotificationsHandler } from '../../application/notifications.handler';
import { DeliveriesQuery } from './notifications.dto';

/** The tenant's deliveries, for its admins: what went out, what is parked after its last attempt, and a retry. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly notifications: NotificationsHandler) {}

  @Get()
  @Roles('tenant-admin')
  @ApiOperation({ summary: 'Deliveries, newest first; ?status=parked lists the ones waiting for an admin' })
  list(@Caller() caller: Principal, @Query() query: DeliveriesQuery) {
    return this.notifications.deliveries(caller, query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('tenant-admin')
  @ApiOperation({ summary: 'Send a parked delivery again, with a fresh round of attempts (409 unless parked)' })
  retry(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.notifications.retry(caller, id);
  }
}
