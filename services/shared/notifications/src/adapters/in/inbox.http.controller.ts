import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { NotificationsHandler } from '../../application/notifications.handler';
import { InboxQuery } from './notifications.dto';

/** The caller's in-app inbox: every user of the tenant has their own. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly notifications: NotificationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'My notices, newest first, with the unread count' })
  list(@Caller() caller: Principal, @Query() query: InboxQuery) {
    return this.notifications.myInbox(caller, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notices are unread (the badge)' })
  unread(@Caller() caller: Principal) {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notice of mine read' })
  readAll(@Caller() caller: Principal) {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notice of mine read (404 when it is not mine)' })
  read(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.notifications.markRead(caller, id);
  }
}
