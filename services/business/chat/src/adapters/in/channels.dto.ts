import { BooleanField, EnumField, IntField, TextField, UuidField } from '@hexfleet/platform';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { GROUP_SIZE, MAX_EMOJI_LENGTH, MAX_NAME_LENGTH } from '../../domain/channel.decider';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

/**
 * The largest text a request may carry at all (400 beyond). A message longer than the domain's
 * limit (4,000 characters) but within this is answered 413 `payload-too-large` naming `text`.
 */
export const MAX_TEXT_BODY = 65_536;

export class CreateChannelBody {
  @EnumField(['public', 'private']) kind!: 'public' | 'private';
  @TextField(200, { example: 'town-square', description: `1 to ${MAX_NAME_LENGTH} characters, trimmed` })
  name!: string;
  @BooleanField({ optional: true, description: 'An announcement channel: only admins post (tenant-admin only)' })
  readOnly?: boolean;
}

export class OpenConversationBody {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: GROUP_SIZE.max - 1,
    description: 'The other people: one for a direct conversation, 2 to 7 for a group',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_SIZE.max - 1)
  @IsUUID('all', { each: true })
  members!: string[];
  @TextField(200, { optional: true, description: 'A group conversation’s name' }) name?: string;
}

export class MemberBody {
  @UuidField() userId!: string;
}

export class MemberParams {
  @UuidField() id!: string;
  @UuidField() userId!: string;
}

export class MessageParams {
  @UuidField() id!: string;
  @UuidField() messageId!: string;
}

export class SendMessageBody {
  @TextField(MAX_TEXT_BODY, { example: 'Morning @channel', description: 'As written, 1 to 4,000 characters' })
  text!: string;
  @UuidField({ optional: true, description: 'Reply in the thread of this message of the channel' })
  replyTo?: string;
}

export class EditMessageBody {
  @TextField(MAX_TEXT_BODY, { example: 'Morning, @channel', description: 'As written, 1 to 4,000 characters' })
  text!: string;
}

export class ReactionBody {
  @TextField(MAX_EMOJI_LENGTH, { example: 'thumbsup' }) emoji!: string;
}

export class ReadBody {
  @IntField(0, 2_000_000_000, { optional: true, description: 'Read up to this position; the end when left out' })
  position?: number;
}

export class AfterQuery {
  @IntField(0, 2_000_000_000, { optional: true, query: true, default: 0, description: 'Only after this position' })
  after?: number;
  @IntField(1, 200, { optional: true, query: true, description: 'Rows; the service default when left out' })
  limit?: number;
}

export class MessagesQuery extends AfterQuery {
  @UuidField({ optional: true, description: 'Only the replies in this thread' }) threadRootId?: string;
}

export class SearchQuery {
  @TextField(200, { example: 'release notes', description: 'Words to find (web search syntax)' }) q!: string;
  @IntField(1, 200, { optional: true, query: true }) limit?: number;
}
