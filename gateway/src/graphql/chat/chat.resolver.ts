import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import {
  ChatChannel,
  ChatChannelSummary,
  ChatMessage,
  ChatMessagePosted,
  ChatPublicChannel,
  ChatSearchHit,
  CreateChatChannelInput,
  OpenChatConversationInput,
  PostChatMessageInput,
} from './chat.types';

const CHANNEL = { type: () => ID, description: 'The channel (UUID)' };
const MESSAGE = { type: () => ID, description: 'The message (UUID)' };
const channelPath = (id: string) => `/channels/${segment(id)}`;
const messagePath = (id: string, messageId: string) => `${channelPath(id)}/messages/${segment(messageId)}`;

/** Chat through the gateway: one field per REST operation of the service (the live part: chat-live.resolver.ts). */
@Resolver()
export class ChatResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [ChatChannelSummary], { description: 'My channels and conversations, with unread and mention counts.' })
  @Fronts('chat', 'GET /channels')
  chatChannels(@Context() context: GqlContext) {
    return this.rest.get<ChatChannelSummary[]>(context, 'chat', '/channels');
  }

  @Query(() => [ChatPublicChannel], { description: 'The public channels anyone may join, and whether I have.' })
  @Fronts('chat', 'GET /public-channels')
  chatPublicChannels(@Context() context: GqlContext) {
    return this.rest.get<ChatPublicChannel[]>(context, 'chat', '/public-channels');
  }

  @Query(() => ChatChannel, {
    nullable: true,
    description: 'One channel with its members; null when I may not see it.',
  })
  @Fronts('chat', 'GET /channels/{id}')
  chatChannel(@Context() context: GqlContext, @Args('id', CHANNEL) id: string) {
    return this.rest.find<ChatChannel>(context, 'chat', channelPath(id));
  }

  @Query(() => [ChatMessage], { description: 'Messages of a channel in position order after a position (a thread).' })
  @Fronts('chat', 'GET /channels/{id}/messages')
  chatMessages(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('after', { type: () => Int, nullable: true }) after?: number,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('threadRootId', { type: () => ID, nullable: true }) threadRootId?: string,
  ) {
    const path = withQuery(`${channelPath(channelId)}/messages`, { after, limit, threadRootId });
    return this.rest.get<ChatMessage[]>(context, 'chat', path);
  }

  @Query(() => [ChatSearchHit], { description: 'Full-text search over the messages I may see.' })
  @Fronts('chat', 'GET /search')
  chatSearch(
    @Context() context: GqlContext,
    @Args('q') q: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.rest.get<ChatSearchHit[]>(context, 'chat', withQuery('/search', { q, limit }));
  }

  @Mutation(() => CommandResult, { description: 'Create a public or private channel; I administer it.' })
  @Fronts('chat', 'POST /channels')
  createChatChannel(@Context() context: GqlContext, @Args('input') input: CreateChatChannelInput) {
    return this.created(context, '/channels', { ...input });
  }

  @Mutation(() => CommandResult, { description: 'Open a direct or group conversation.' })
  @Fronts('chat', 'POST /conversations')
  openChatConversation(@Context() context: GqlContext, @Args('input') input: OpenChatConversationInput) {
    return this.created(context, '/conversations', { ...input });
  }

  @Mutation(() => Accepted, { description: 'Add a member (myself to a public channel).' })
  @Fronts('chat', 'POST /channels/{id}/members')
  addChatMember(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.rest.accept(context, 'chat', 'POST', `${channelPath(channelId)}/members`, { userId });
  }

  @Mutation(() => Accepted, { description: 'Leave a channel, or (an admin) remove a member.' })
  @Fronts('chat', 'DELETE /channels/{id}/members/{userId}')
  removeChatMember(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ) {
    return this.rest.accept(context, 'chat', 'DELETE', `${channelPath(channelId)}/members/${segment(userId)}`);
  }

  @Mutation(() => Accepted, { description: 'Archive a channel: no more posts; its history stays.' })
  @Fronts('chat', 'POST /channels/{id}/archive')
  archiveChatChannel(@Context() context: GqlContext, @Args('channelId', CHANNEL) channelId: string) {
    return this.rest.accept(context, 'chat', 'POST', `${channelPath(channelId)}/archive`);
  }

  @Mutation(() => ChatMessagePosted, {
    description: 'Post a message (an error payload-too-large over 4,000 characters; too-many-requests over the rate).',
  })
  @Fronts('chat', 'POST /channels/{id}/messages')
  async postChatMessage(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('input') input: PostChatMessageInput,
  ): Promise<ChatMessagePosted> {
    const reply = await this.rest.send<{ messageId: string }>(
      context,
      'chat',
      'POST',
      `${channelPath(channelId)}/messages`,
      { ...input },
    );
    return { channelId, messageId: reply.body.messageId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Edit a message (its author or an admin, within the edit window).' })
  @Fronts('chat', 'PUT /channels/{id}/messages/{messageId}')
  editChatMessage(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('messageId', MESSAGE) messageId: string,
    @Args('text') text: string,
  ) {
    return this.rest.accept(context, 'chat', 'PUT', messagePath(channelId, messageId), { text });
  }

  @Mutation(() => Accepted, { description: 'Delete a message, softly (its author or an admin, within the window).' })
  @Fronts('chat', 'DELETE /channels/{id}/messages/{messageId}')
  deleteChatMessage(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('messageId', MESSAGE) messageId: string,
  ) {
    return this.rest.accept(context, 'chat', 'DELETE', messagePath(channelId, messageId));
  }

  @Mutation(() => Accepted, { description: 'React to a message (once per emoji).' })
  @Fronts('chat', 'POST /channels/{id}/messages/{messageId}/reactions')
  reactToChatMessage(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('messageId', MESSAGE) messageId: string,
    @Args('emoji') emoji: string,
  ) {
    return this.rest.accept(context, 'chat', 'POST', `${messagePath(channelId, messageId)}/reactions`, { emoji });
  }

  @Mutation(() => Accepted, { description: 'Move my read marker forward (to a position, or to the end).' })
  @Fronts('chat', 'POST /channels/{id}/read')
  markChatChannelRead(
    @Context() context: GqlContext,
    @Args('channelId', CHANNEL) channelId: string,
    @Args('position', { type: () => Int, nullable: true }) position?: number,
  ) {
    return this.rest.accept(
      context,
      'chat',
      'POST',
      `${channelPath(channelId)}/read`,
      position == null ? {} : { position },
    );
  }

  @Mutation(() => Accepted, { description: 'Say I am typing in a channel (repeat every few seconds while typing).' })
  @Fronts('chat', 'POST /channels/{id}/typing')
  sendChatTyping(@Context() context: GqlContext, @Args('channelId', CHANNEL) channelId: string) {
    return this.rest.accept(context, 'chat', 'POST', `${channelPath(channelId)}/typing`);
  }

  @Mutation(() => Accepted, { description: 'Say I am online, away or offline (repeat "online" every minute).' })
  @Fronts('chat', 'PUT /presence')
  setChatPresence(
    @Context() context: GqlContext,
    @Args('status', { description: 'online, away or offline' }) status: string,
  ) {
    return this.rest.accept(context, 'chat', 'PUT', '/presence', { status });
  }

  private async created(context: GqlContext, path: string, body: Record<string, unknown>): Promise<CommandResult> {
    const reply = await this.rest.send<{ channelId: string }>(context, 'chat', 'POST', path, body);
    return { id: reply.body.channelId, consistencyToken: reply.consistencyToken };
  }
}
