// What Chat's REST API answers (see hrms.views.ts for why these live with the contracts).

export type ChannelKind = 'public' | 'private' | 'direct' | 'group';

/** A channel in the caller's list: with what they have not read yet. */
export interface ChannelSummaryView {
  channelId: string;
  kind: ChannelKind;
  name: string;
  readOnly: boolean;
  archived: boolean;
  /** The position of the channel's last event (what a client resumes after). */
  position: number;
  /** The caller's read marker: the last position they have read (0 when none). */
  readPosition: number;
  /** Messages by others after the read marker, not deleted. */
  unread: number;
  /** Mentions of the caller after the read marker. */
  mentions: number;
  /** ISO-8601 UTC instant of the last message; null when none. */
  lastMessageAt: string | null;
}

export interface ChannelMemberView {
  userId: string;
  /** The name identity registered, when chat knows it. */
  displayName: string | null;
  admin: boolean;
  readPosition: number;
}

/** One channel with its members. */
export interface ChannelView {
  channelId: string;
  kind: ChannelKind;
  name: string;
  readOnly: boolean;
  archived: boolean;
  createdBy: string | null;
  createdAt: string;
  position: number;
  members: ChannelMemberView[];
}

export interface ReactionView {
  emoji: string;
  userIds: string[];
}

/** A message as stored: its text exactly as written (never HTML); a deleted message's text is null. */
export interface MessageView {
  channelId: string;
  messageId: string;
  /** The position of the MessageSent event in the channel. */
  position: number;
  authorId: string;
  text: string | null;
  threadRootId: string | null;
  /** Replies in its thread (for a top-level message). */
  replies: number;
  sentAt: string;
  editedAt: string | null;
  deleted: boolean;
  reactions: ReactionView[];
}

/**
 * One event of a channel at its position, for a client resuming after a position: the same
 * shape the gateway's subscription sends live (`type` is the event's short name).
 */
export interface ChannelEventView {
  channelId: string;
  position: number;
  type: string;
  /** The event's payload as a JSON document (the Avro record's fields). */
  data: string;
  at: string;
}

/** A search hit: the message, with the channel it is in. */
export interface SearchHitView {
  channelName: string;
  message: MessageView;
}

/** A public channel anyone of the tenant may join, as the directory of channels lists it. */
export interface PublicChannelView {
  channelId: string;
  name: string;
  readOnly: boolean;
  members: number;
  /** Whether the caller is a member already. */
  joined: boolean;
  lastMessageAt: string | null;
}
