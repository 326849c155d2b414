import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Param,
  PayloadTooLargeException,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, IdParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ChannelsCommandHandler } from '../../application/channels.command-handler';
import { ChannelsQueryHandler } from '../../application/channels.query-handler';
import { PostingRate } from '../../application/posting-rate';
import { MAX_MESSAGE_LENGTH } from '../../domain/channel.decider';
import { EditMessageBody, MessageParams, MessagesQuery, ReactionBody, ReadBody, SendMessageBody } from './channels.dto';

/** A message over the domain's limit is too large a payload: 413 naming the field, nothing written. */
function fits(text: string) {
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw new PayloadTooLargeException(`text: at most ${MAX_MESSAGE_LENGTH} characters (${text.length} sent)`);
  }
}

/** Messages of a channel: post (rate-limited per user), edit, delete, react, read markers. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('channels/:id')
export class MessagesController {
  constructor(
    private readonly commands: ChannelsCommandHandler,
    private readonly queries: ChannelsQueryHandler,
    private readonly rate: PostingRate,
  ) {}

  @Post('messages')
  @HttpCode(201)
  @ApiOperation({ summary: 'Post a message (members; 413 over 4,000 characters; 429 with Retry-After over the rate)' })
  async send(
    @Caller() caller: Principal,
    @Param() { id }: IdParam,
    @Body() body: SendMessageBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    fits(body.text);
    const wait = await this.rate.take(caller);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new HttpException(`Too many messages; try again in ${wait} s`, 429);
    }
    return this.commands.send(caller, id, body);
  }

  @Get('messages')
  @ApiOperation({ summary: 'Messages in position order after a position (a thread with threadRootId)' })
  list(@Caller() caller: Principal, @Param() { id }: IdParam, @Query() query: MessagesQuery) {
    return this.queries.messages(caller, id, query);
  }

  @Put('messages/:messageId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Edit a message (its author or an admin, within the edit window)' })
  edit(@Caller() caller: Principal, @Param() { id, messageId }: MessageParams, @Body() body: EditMessageBody) {
    fits(body.text);
    return this.commands.edit(caller, id, messageId, body.text);
  }

  @Delete('messages/:messageId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a message, softly (its author or an admin, within the edit window)' })
  delete(@Caller() caller: Principal, @Param() { id, messageId }: MessageParams) {
    return this.commands.delete(caller, id, messageId);
  }

  @Post('messages/:messageId/reactions')
  @HttpCode(201)
  @ApiOperation({ summary: 'React to a message (one reaction per user, message and emoji)' })
  react(@Caller() caller: Principal, @Param() { id, messageId }: MessageParams, @Body() body: ReactionBody) {
    return this.commands.react(caller, id, messageId, body.emoji);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the read marker forward (to a position, or to the end)' })
  read(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ReadBody) {
    return this.commands.markRead(caller, id, body.position);
  }
}
