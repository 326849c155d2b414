import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

export interface MessageFilter {
  /** Only messages after this position. */
  after: number;
  limit: number;
  /** Only the replies of this thread; top-level and replies alike when left out. */
  threadRootId?: string;
}

/** The read model `chat-channels`: channels, members, messages, events by position, search. */
export interface ChatReadModel {
  /** The channels the user is a member of, with their unread and mention counts. */
  channelsOf(tenant: TenantId, userId: string): Promise<views.chat.ChannelSummaryView[]>;
  /** The public channels not archived, by name, and whether the user has joined each. */
  publicChannels(tenant: TenantId, userId: string): Promise<views.chat.PublicChannelView[]>;
  channel(tenant: TenantId, channelId: string): Promise<views.chat.ChannelView | undefined>;
  messages(tenant: TenantId, channelId: string, filter: MessageFilter): Promise<views.chat.MessageView[]>;
  events(tenant: TenantId, channelId: string, after: number, limit: number): Promise<views.chat.ChannelEventView[]>;
  /** Messages matching the words, in the channels the user belongs to and the public ones, best first. */
  search(tenant: TenantId, userId: string, query: string, limit: number): Promise<views.chat.SearchHitView[]>;
  /** The channels the user is a member of. */
  memberships(tenant: TenantId, userId: string): Promise<string[]>;
}

export const CHAT_READ_MODEL = Symbol('ChatReadModel');
