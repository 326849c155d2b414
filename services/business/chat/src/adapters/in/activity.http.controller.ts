import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, EnumField, IdParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { chat } from '@hexfleet/schemas';
import { ActivityCommandHandler } from '../../application/activity.command-handler';

export class PresenceBody {
  @EnumField(['online', 'away', 'offline']) status!: chat.Presence;
}

/** Typing indicators and presence: ephemeral, delivered live, never stored (202: nothing to read back). */
@ApiTags('activity')
@ApiBearerAuth()
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityCommandHandler) {}

  @Post('channels/:id/typing')
  @HttpCode(202)
  @ApiOperation({ summary: 'Say I am typing in a channel (members; clients repeat it every few seconds)' })
  async typing(@Caller() caller: Principal, @Param() { id }: IdParam) {
    await this.activity.typing(caller, id);
    return { accepted: true };
  }

  @Put('presence')
  @HttpCode(202)
  @ApiOperation({ summary: 'Say I am online, away or offline (clients repeat "online" every minute)' })
  async presence(@Caller() caller: Principal, @Body() body: PresenceBody) {
    await this.activity.presence(caller, body.status);
    return { accepted: true };
  }
}
