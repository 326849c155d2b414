import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';

const KIND = 'public, private, direct (two people) or group (3 to 8 people)';
const POSITION = "The position of an event in its channel (the channel stream's version): what a client resumes after";

@ObjectType({ description: "A channel in the caller's list, with what they have not read." })
export class ChatChannelSummary implements views.chat.ChannelSummaryView {
  @Field(() => ID) channelId!: string;
  @Field(() => String, { description: KIND }) kind!: views.chat.ChannelKind;
  @Field() name!: string;
  @Field({ description: 'An announcement channel: only admins post' }) readOnly!: boolean;
  @Field() archived!: boolean;
  @Field(() => Int, { description: `${POSITION}; of the last event` }) position!: number;
  @Field(() => Int, { description: "The caller's read marker (0 when none)" }) readPosition!: number;
  @Field(() => Int, { description: 'Messages by others after the read marker' }) unread!: number;
  @Field(() => Int, { description: 'Mentions of the caller after the read marker' }) mentions!: number;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) lastMessageAt!: string | null;
}

@ObjectType({ description: 'A public channel anyone of the tenant may join.' })
export class ChatPublicChannel implements views.chat.PublicChannelView {
  @Field(() => ID) channelId!: string;
  @Field() name!: string;
  @Field() readOnly!: boolean;
  @Field(() => Int) members!: number;
  @Field({ description: 'Whether I am a member' }) joined!: boolean;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) lastMessageAt!: string | null;
}

@ObjectType({ description: 'A member of a channel.' })
export class ChatMember implements views.chat.ChannelMemberView {
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() admin!: boolean;
  @Field(() => Int) readPosition!: number;
}

@ObjectType({ description: 'A channel or conversation with its members.' })
export class ChatChannel implements views.chat.ChannelView {
  @Field(() => ID) channelId!: string;
  @Field(() => String, { description: KIND }) kind!: views.chat.ChannelKind;
  @Field() name!: string;
  @Field() readOnly!: boolean;
  @Field() archived!: boolean;
  @Field(() => ID, { nullable: true, description: 'Null for a default channel a policy created' })
  createdBy!: string | null;
  @Field({ description: 'ISO-8601 UTC instant' }) createdAt!: string;
  @Field(() => Int, { description: POSITION }) position!: number;
  @Field(() => [ChatMember]) members!: ChatMember[];
}

@ObjectType({ description: 'The reactions of one emoji to a message.' })
export class ChatReaction implements views.chat.ReactionView {
  @Field() emoji!: string;
  @Field(() => [ID]) userIds!: string[];
}

@ObjectType({ description: 'A message; its text exactly as written (plain text, never HTML); null once deleted.' })
export class ChatMessage implements views.chat.MessageView {
  @Field(() => ID) channelId!: string;
  @Field(() => ID) messageId!: string;
  @Field(() => Int, { description: POSITION }) position!: number;
  @Field(() => ID) authorId!: string;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => ID, { nullable: true, description: 'The thread it replies in' }) threadRootId!: string | null;
  @Field(() => Int) replies!: number;
  @Field() sentAt!: string;
  @Field(() => String, { nullable: true }) editedAt!: string | null;
  @Field() deleted!: boolean;
  @Field(() => [ChatReaction]) reactions!: ChatReaction[];
}

@ObjectType({ description: 'A message found by search, with the name of its channel.' })
export class ChatSearchHit implements views.chat.SearchHitView {
  @Field() channelName!: string;
  @Field(() => ChatMessage) message!: ChatMessage;
}

@ObjectType({ description: 'One event of a channel at its position, replayed after a reconnect or live.' })
export class ChatChannelEvent implements views.chat.ChannelEventView {
  @Field(() => ID) channelId!: string;
  @Field(() => Int, { description: POSITION }) position!: number;
  @Field({ description: 'MessageSent, MessageEdited, MessageDeleted, ReactionAdded, ChannelRead, MemberAdded, ...' })
  type!: string;
  @Field({ description: 'The event payload as a JSON document' }) data!: string;
  @Field({ description: 'When it happened: ISO-8601 UTC instant' }) at!: string;
}

@ObjectType({ description: 'A message was posted.' })
export class ChatMessagePosted {
  @Field(() => ID) channelId!: string;
  @Field(() => ID) messageId!: string;
  @Field(() => String, { nullable: true }) consistencyToken?: string;
}

@InputType({ description: 'A new public or private channel.' })
export class CreateChatChannelInput {
  @Field({ description: 'public or private' }) kind!: string;
  @Field({ description: '1 to 64 characters' }) name!: string;
  @Field(() => Boolean, { nullable: true, description: 'An announcement channel (tenant-admin only)' })
  readOnly?: boolean;
}

@InputType({ description: 'A direct (one other person) or group (2 to 7 others) conversation.' })
export class OpenChatConversationInput {
  @Field(() => [ID]) members!: string[];
  @Field(() => String, { nullable: true }) name?: string;
}

@InputType({ description: 'A message: 1 to 4,000 characters as written; a reply names a message of the channel.' })
export class PostChatMessageInput {
  @Field() text!: string;
  @Field(() => ID, { nullable: true }) replyTo?: string;
}

@ObjectType({ description: 'Someone is typing in a channel (ephemeral: shown for a few seconds, never stored).' })
export class ChatTyping {
  @Field(() => ID) channelId!: string;
  @Field(() => ID) userId!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) at!: string;
}

@ObjectType({ description: "Someone's presence changed (ephemeral, never stored)." })
export class ChatPresence {
  @Field(() => ID) userId!: string;
  @Field({ description: 'online, away or offline' }) status!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) at!: string;
}
