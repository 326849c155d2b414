import type { chat } from '@hexfleet/schemas';

/** Stream `<tenant>/channel/<channelId>`, topic chat.channel.v1: everything that happens in a channel, in order. */
export type ChannelEvent = chat.ChatChannelV1Event;
export type ChannelKind = chat.ChannelKind;

/** A command is plain data; time comes in `metadata.now` because the domain never reads a clock. */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/**
 * Who acts: the user, and whether they are a tenant-admin (an admin of every channel).
 * A policy acts as nobody (`userId: null`): it may add and remove anyone.
 */
export interface Actor {
  userId: string | null;
  tenantAdmin: boolean;
}

/** A user an `@handle` of the text names, resolved by the application from the tenant's directory. */
export interface MentionCandidate {
  handle: string;
  userId: string;
}

export type CreateChannel = Command<
  'CreateChannel',
  {
    channelId: string;
    kind: ChannelKind;
    /** Ignored for direct and group conversations, which are named by their members. */
    name: string;
    readOnly: boolean;
    actor: Actor;
    /** The other members at creation (direct: exactly one; group: 2 to 7; public/private: any). */
    members: string[];
  }
>;
/** A default channel (#general, a department's): created on first need by a policy, then the user joins. */
export type JoinDefaultChannel = Command<
  'JoinDefaultChannel',
  { channelId: string; name: string; userId: string; reason: string }
>;
export type AddMember = Command<'AddMember', { userId: string; actor: Actor }>;
export type RemoveMember = Command<'RemoveMember', { userId: string; actor: Actor; reason: string | null }>;
export type ArchiveChannel = Command<'ArchiveChannel', { actor: Actor }>;
export type SendMessage = Command<
  'SendMessage',
  {
    messageId: string;
    text: string;
    replyTo: string | null;
    actor: Actor;
    mentions: MentionCandidate[];
    /** The text holds `@channel`. */
    mentionsChannel: boolean;
  }
>;
export type EditMessage = Command<
  'EditMessage',
  { messageId: string; text: string; actor: Actor; windowSeconds: number }
>;
export type DeleteMessage = Command<'DeleteMessage', { messageId: string; actor: Actor; windowSeconds: number }>;
export type AddReaction = Command<'AddReaction', { messageId: string; emoji: string; actor: Actor }>;
export type MarkRead = Command<'MarkRead', { position: number | null; actor: Actor }>;

export type ChannelCommand =
  | CreateChannel
  | JoinDefaultChannel
  | AddMember
  | RemoveMember
  | ArchiveChannel
  | SendMessage
  | EditMessage
  | DeleteMessage
  | AddReaction
  | MarkRead;

export interface MessageState {
  authorId: string;
  sentAt: string;
  deleted: boolean;
  threadRootId: string | null;
  /** `<userId> <emoji>` of each reaction. */
  reactions: Set<string>;
}

export interface OpenChannel {
  status: 'active' | 'archived';
  channelId: string;
  kind: ChannelKind;
  name: string;
  readOnly: boolean;
  /** Member -> whether they administer the channel. */
  members: Map<string, boolean>;
  messages: Map<string, MessageState>;
  /** Each member's read marker. */
  readUpTo: Map<string, number>;
  /** Events so far: the position of the last one (the stream version). */
  position: number;
}

/**
 * The maps of an open channel belong to the fold that built them: evolve adds to them in place
 * (a channel's history is long; copying them per event would make a fold quadratic), and
 * decide only reads them.
 */
export type ChannelState = { status: 'none'; position: number } | OpenChannel;
