import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, InternalOperation } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ChannelsCommandHandler } from '../../application/channels.command-handler';
import { ChannelsQueryHandler } from '../../application/channels.query-handler';
import {
  AfterQuery,
  CreateChannelBody,
  MemberBody,
  MemberParams,
  OpenConversationBody,
  SearchQuery,
} from './channels.dto';

/** Channels and conversations, their members, archive; the caller's list; search. */
@ApiTags('channels')
@ApiBearerAuth()
@Controller()
export class ChannelsController {
  constructor(
    private readonly commands: ChannelsCommandHandler,
    private readonly queries: ChannelsQueryHandler,
  ) {}

  @Post('channels')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a public or private channel (read-only: tenant-admin); the creator administers it' })
  create(@Caller() caller: Principal, @Body() body: CreateChannelBody) {
    return this.commands.create(caller, body);
  }

  @Post('conversations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a direct (one other person; one per pair) or group (2 to 7 others) conversation' })
  open(@Caller() caller: Principal, @Body() body: OpenConversationBody) {
    return this.commands.openConversation(caller, body);
  }

  @Get('channels')
  @ApiOperation({ summary: "The caller's channels and conversations, with unread and mention counts" })
  mine(@Caller() caller: Principal) {
    return this.queries.mine(caller);
  }

  @Get('public-channels')
  @ApiOperation({ summary: 'The public channels anyone may join (not archived), by name, and whether I have' })
  publicChannels(@Caller() caller: Principal) {
    return this.queries.publicChannels(caller);
  }

  @Get('channels/:id')
  @ApiOperation({ summary: 'One channel with its members (a non-public one only to its members)' })
  get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.queries.channel(caller, id);
  }

  @Get('channels/:id/events')
  @InternalOperation('services')
  @ApiOperation({ summary: "The channel's events after a position, in order (the gateway's resume of channelEvents)" })
  events(@Caller() caller: Principal, @Param() { id }: IdParam, @Query() query: AfterQuery) {
    return this.queries.events(caller, id, query);
  }

  @Post('channels/:id/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a member (yourself to a public channel; a member adds others)' })
  addMember(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: MemberBody) {
    return this.commands.addMember(caller, id, body.userId);
  }

  @Delete('channels/:id/members/:userId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave, or (an admin) remove a member' })
  removeMember(@Caller() caller: Principal, @Param() { id, userId }: MemberParams) {
    return this.commands.removeMember(caller, id, userId);
  }

  @Post('channels/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a channel (its admin or a tenant-admin): no more posts, history kept' })
  archive(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.commands.archive(caller, id);
  }

  @Get('search')
  @ApiOperation({ summary: 'Full-text search over the messages the caller may see (their channels and public ones)' })
  search(@Caller() caller: Principal, @Query() query: SearchQuery) {
    return this.queries.search(caller, query);
  }
}
