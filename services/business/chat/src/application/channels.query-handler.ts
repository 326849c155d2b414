import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { CHAT_READ_MODEL } from './chat-read-model.port';
import type { ChatReadModel } from './chat-read-model.port';
import { CHAT_SETTINGS } from './chat-settings';
import type { ChatSettings } from './chat-settings';

/**
 * Reads of chat, as the caller may see them: a public channel is open to everyone of the
 * tenant; any other only to its members (a tenant-admin included: conversations are private).
 * A channel the caller may not see is answered as one that does not exist.
 */
@Injectable()
export class ChannelsQueryHandler {
  constructor(
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    @Inject(CHAT_READ_MODEL) private readonly chat: ChatReadModel,
    private readonly consistency: Consistency,
  ) {}

  async mine(caller: Principal): Promise<views.chat.ChannelSummaryView[]> {
    await this.consistency.await(this.settings.readModels.channels, caller);
    return this.chat.channelsOf(caller.tenant, caller.userId);
  }

  async publicChannels(caller: Principal): Promise<views.chat.PublicChannelView[]> {
    await this.consistency.await(this.settings.readModels.channels, caller);
    return this.chat.publicChannels(caller.tenant, caller.userId);
  }

  async channel(caller: Principal, channelId: string): Promise<views.chat.ChannelView> {
    await this.consistency.await(this.settings.readModels.channels, caller);
    const channel = await this.chat.channel(caller.tenant, channelId);
    if (!channel || (channel.kind !== 'public' && !channel.members.some((m) => m.userId === caller.userId))) {
      throw new DomainError('channel-not-found');
    }
    return channel;
  }

  async messages(
    caller: Principal,
    channelId: string,
    query: { after?: number; limit?: number; threadRootId?: string },
  ): Promise<views.chat.MessageView[]> {
    await this.channel(caller, channelId);
    return this.chat.messages(caller.tenant, channelId, {
      after: query.after ?? 0,
      limit: query.limit ?? this.settings.defaultPageSize,
      threadRootId: query.threadRootId,
    });
  }

  /** Every event of the channel after a position, in order: what a reconnecting client missed. */
  async events(
    caller: Principal,
    channelId: string,
    query: { after?: number; limit?: number },
  ): Promise<views.chat.ChannelEventView[]> {
    await this.channel(caller, channelId);
    return this.chat.events(caller.tenant, channelId, query.after ?? 0, query.limit ?? this.settings.defaultPageSize);
  }

  async search(caller: Principal, query: { q: string; limit?: number }): Promise<views.chat.SearchHitView[]> {
    await this.consistency.await(this.settings.readModels.channels, caller);
    return this.chat.search(caller.tenant, caller.userId, query.q, query.limit ?? this.settings.defaultPageSize);
  }
}
