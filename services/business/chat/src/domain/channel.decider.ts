import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { chat } from '@hexfleet/schemas';
import type {
  Actor,
  AddMember,
  AddReaction,
  ChannelCommand,
  ChannelEvent,
  ChannelState,
  CreateChannel,
  DeleteMessage,
  EditMessage,
  JoinDefaultChannel,
  MarkRead,
  OpenChannel,
  RemoveMember,
  SendMessage,
} from './channel.types';

export type * from './channel.types';

/** The longest channel name, after trimming (DOMAIN.md). */
export const MAX_NAME_LENGTH = 64;
/** The longest message, in characters as written. */
export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_EMOJI_LENGTH = 32;
/** A group conversation: 3 to 8 people; a direct one: exactly 2. */
export const GROUP_SIZE = { min: 3, max: 8 } as const;

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw new DomainError('invalid-channel-name', { maxLength: MAX_NAME_LENGTH });
  }
  return trimmed;
}

/** The text is kept exactly as written; it must say something and fit. */
function validText(text: string): string {
  if (text.length > MAX_MESSAGE_LENGTH) throw new DomainError('message-too-long', { maxLength: MAX_MESSAGE_LENGTH });
  if (text.trim().length === 0) throw new DomainError('empty-message');
  return text;
}

function open(state: ChannelState): OpenChannel {
  if (state.status === 'none') throw new DomainError('channel-not-found');
  return state;
}

function active(state: ChannelState): OpenChannel {
  const channel = open(state);
  if (channel.status === 'archived') throw new DomainError('channel-archived', { channelId: channel.channelId });
  return channel;
}

const isAdmin = (channel: OpenChannel, actor: Actor) =>
  actor.userId === null || actor.tenantAdmin || channel.members.get(actor.userId) === true;

/** A person acting in the channel must be a member of it (a policy acts as nobody and passes). */
function member(channel: OpenChannel, actor: Actor): string {
  if (actor.userId === null || !channel.members.has(actor.userId)) throw new DomainError('not-a-member');
  return actor.userId;
}

function create({ data, metadata }: CreateChannel, state: ChannelState): ChannelEvent[] {
  if (state.status !== 'none') throw new DomainError('channel-already-exists', { channelId: state.channelId });
  const creator = data.actor.userId;
  if (creator === null) throw new DomainError('not-a-member');
  const people = [creator, ...data.members.filter((m) => m !== creator)].filter((m, i, all) => all.indexOf(m) === i);
  if (data.kind === 'direct' && people.length !== 2) throw new DomainError('direct-needs-two-people');
  if (data.kind === 'group' && (people.length < GROUP_SIZE.min || people.length > GROUP_SIZE.max)) {
    throw new DomainError('group-size', { ...GROUP_SIZE });
  }
  if (data.readOnly && (data.kind === 'direct' || data.kind === 'group'))
    throw new DomainError('read-only-conversation');
  // An announcement channel speaks for the company: only a tenant-admin opens one.
  if (data.readOnly && !data.actor.tenantAdmin) throw new DomainError('not-channel-admin');
  const now = metadata.now;
  const { channelId } = data;
  return [
    chat.channelCreated({
      channelId,
      kind: data.kind,
      name: validName(data.name),
      readOnly: data.readOnly,
      createdBy: creator,
      createdAt: now,
    }),
    ...people.map((userId) =>
      chat.memberAdded({ channelId, userId, admin: userId === creator, addedBy: creator, addedAt: now }),
    ),
  ];
}

function joinDefault({ data, metadata }: JoinDefaultChannel, state: ChannelState): ChannelEvent[] {
  const { channelId, userId } = data;
  const joined = chat.memberAdded({ channelId, userId, admin: false, addedBy: null, addedAt: metadata.now });
  if (state.status === 'none') {
    const name = validName(data.name);
    const created = chat.channelCreated({
      channelId,
      kind: 'public',
      name,
      readOnly: false,
      createdBy: null,
      createdAt: metadata.now,
    });
    return [created, joined];
  }
  // An archived default channel stays archived; a member stays a member: nothing to do.
  if (state.status === 'archived' || state.members.has(userId)) return [];
  return [joined];
}

function addMember({ data, metadata }: AddMember, state: ChannelState): ChannelEvent[] {
  const channel = active(state);
  if (channel.kind === 'direct') throw new DomainError('direct-members-fixed');
  if (channel.members.has(data.userId)) throw new DomainError('already-a-member', { userId: data.userId });
  if (channel.kind === 'group' && channel.members.size >= GROUP_SIZE.max) {
    throw new DomainError('group-size', { ...GROUP_SIZE });
  }
  // Anyone joins a public channel themselves; otherwise a member (or an admin) brings people in.
  const joiningPublic = channel.kind === 'public' && data.actor.userId === data.userId;
  if (!joiningPublic && !isAdmin(channel, data.actor)) member(channel, data.actor);
  return [
    chat.memberAdded({
      channelId: channel.channelId,
      userId: data.userId,
      admin: false,
      addedBy: data.actor.userId,
      addedAt: metadata.now,
    }),
  ];
}

function removeMember({ data, metadata }: RemoveMember, state: ChannelState): ChannelEvent[] {
  const channel = open(state);
  const byPolicy = data.actor.userId === null;
  if (!channel.members.has(data.userId)) {
    if (byPolicy) return [];
    throw new DomainError('not-a-member', { userId: data.userId });
  }
  if (!byPolicy) {
    if (channel.status === 'archived') throw new DomainError('channel-archived', { channelId: channel.channelId });
    if (channel.kind === 'direct') throw new DomainError('direct-members-fixed');
    if (data.actor.userId !== data.userId && !isAdmin(channel, data.actor)) throw new DomainError('not-channel-admin');
  }
  return [
    chat.memberRemoved({
      channelId: channel.channelId,
      userId: data.userId,
      removedBy: data.actor.userId,
      reason: data.reason,
      removedAt: metadata.now,
    }),
  ];
}

function archive({ data, metadata }: { data: { actor: Actor }; metadata: { now: string } }, state: ChannelState) {
  const channel = active(state);
  if (data.actor.userId === null || !isAdmin(channel, data.actor)) throw new DomainError('not-channel-admin');
  return [
    chat.channelArchived({ channelId: channel.channelId, archivedBy: data.actor.userId, archivedAt: metadata.now }),
  ];
}

function send({ data, metadata }: SendMessage, state: ChannelState): ChannelEvent[] {
  const channel = active(state);
  const authorId = member(channel, data.actor);
  if (channel.readOnly && !isAdmin(channel, data.actor)) throw new DomainError('channel-read-only');
  const text = validText(data.text);
  let threadRootId: string | null = null;
  if (data.replyTo !== null) {
    const parent = channel.messages.get(data.replyTo);
    if (!parent) throw new DomainError('unknown-thread-parent', { replyTo: data.replyTo });
    threadRootId = parent.threadRootId ?? data.replyTo;
  }
  const { channelId, kind } = channel;
  const { messageId } = data;
  const now = metadata.now;
  // A public channel may mention anyone of the tenant; any other only its members, and a mention
  // of someone else is dropped without a trace: the post says nothing about who exists.
  const mentionable = (userId: string) => userId !== authorId && (kind === 'public' || channel.members.has(userId));
  const byName = [...new Set(data.mentions.map((m) => m.userId))].filter(mentionable);
  const byChannel = data.mentionsChannel
    ? [...channel.members.keys()].filter((userId) => userId !== authorId && !byName.includes(userId))
    : [];
  const mention = (userId: string, via: 'name' | 'channel') =>
    chat.userMentioned({ channelId, messageId, userId, mentionedBy: authorId, via, mentionedAt: now });
  return [
    chat.messageSent({ channelId, messageId, authorId, text, threadRootId, sentAt: now }),
    ...byName.map((userId) => mention(userId, 'name')),
    ...byChannel.map((userId) => mention(userId, 'channel')),
  ];
}

/** The message an edit or a deletion is about, if the actor may still change it. */
function changeable(
  channel: OpenChannel,
  { messageId, actor, windowSeconds }: { messageId: string; actor: Actor; windowSeconds: number },
  now: string,
) {
  const message = channel.messages.get(messageId);
  if (!message) throw new DomainError('message-not-found');
  if (message.deleted) throw new DomainError('message-deleted', { messageId });
  if (actor.userId !== message.authorId && !isAdmin(channel, actor)) throw new DomainError('not-message-author');
  const elapsed = (Date.parse(now) - Date.parse(message.sentAt)) / 1000;
  if (elapsed > windowSeconds) throw new DomainError('edit-window-closed', { windowSeconds });
  return message;
}

function edit({ data, metadata }: EditMessage, state: ChannelState): ChannelEvent[] {
  const channel = active(state);
  if (data.actor.userId === null) throw new DomainError('not-message-author');
  changeable(channel, data, metadata.now);
  return [
    chat.messageEdited({
      channelId: channel.channelId,
      messageId: data.messageId,
      editedBy: data.actor.userId,
      text: validText(data.text),
      editedAt: metadata.now,
    }),
  ];
}

function remove({ data, metadata }: DeleteMessage, state: ChannelState): ChannelEvent[] {
  const channel = active(state);
  if (data.actor.userId === null) throw new DomainError('not-message-author');
  changeable(channel, data, metadata.now);
  return [
    chat.messageDeleted({
      channelId: channel.channelId,
      messageId: data.messageId,
      deletedBy: data.actor.userId,
      deletedAt: metadata.now,
    }),
  ];
}

function react({ data, metadata }: AddReaction, state: ChannelState): ChannelEvent[] {
  const channel = active(state);
  const userId = member(channel, data.actor);
  const message = channel.messages.get(data.messageId);
  if (!message) throw new DomainError('message-not-found');
  if (message.deleted) throw new DomainError('message-deleted', { messageId: data.messageId });
  const emoji = data.emoji.trim();
  if (emoji.length === 0 || emoji.length > MAX_EMOJI_LENGTH || /\s/u.test(emoji)) {
    throw new DomainError('invalid-emoji', { maxLength: MAX_EMOJI_LENGTH });
  }
  if (message.reactions.has(`${userId} ${emoji}`)) throw new DomainError('reaction-already-added', { emoji });
  return [
    chat.reactionAdded({
      channelId: channel.channelId,
      messageId: data.messageId,
      userId,
      emoji,
      addedAt: metadata.now,
    }),
  ];
}

function markRead({ data, metadata }: MarkRead, state: ChannelState): ChannelEvent[] {
  const channel = open(state);
  const userId = member(channel, data.actor);
  const position = data.position ?? channel.position;
  if (position < 0 || position > channel.position) {
    throw new DomainError('position-out-of-range', { position: channel.position });
  }
  // A marker only moves forward; reading what was read already changes nothing.
  if (position <= (channel.readUpTo.get(userId) ?? 0)) return [];
  return [chat.channelRead({ channelId: channel.channelId, userId, position, readAt: metadata.now })];
}

function decide(command: ChannelCommand, state: ChannelState): ChannelEvent[] {
  switch (command.type) {
    case 'CreateChannel':
      return create(command, state);
    case 'JoinDefaultChannel':
      return joinDefault(command, state);
    case 'AddMember':
      return addMember(command, state);
    case 'RemoveMember':
      return removeMember(command, state);
    case 'ArchiveChannel':
      return archive(command, state);
    case 'SendMessage':
      return send(command, state);
    case 'EditMessage':
      return edit(command, state);
    case 'DeleteMessage':
      return remove(command, state);
    case 'AddReaction':
      return react(command, state);
    case 'MarkRead':
      return markRead(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: ChannelState, event: ChannelEvent): ChannelState {
  const position = state.position + 1;
  if (event.type === 'ChannelCreated') {
    const { channelId, kind, name, readOnly } = event.data;
    return {
      status: 'active',
      channelId,
      kind,
      name,
      readOnly,
      members: new Map(),
      messages: new Map(),
      readUpTo: new Map(),
      position,
    };
  }
  if (state.status === 'none') return { ...state, position };
  const channel: OpenChannel = { ...state, position };
  switch (event.type) {
    case 'ChannelArchived':
      return { ...channel, status: 'archived' };
    case 'MemberAdded':
      channel.members.set(event.data.userId, event.data.admin);
      return channel;
    case 'MemberRemoved':
      channel.members.delete(event.data.userId);
      return channel;
    case 'MessageSent':
      channel.messages.set(event.data.messageId, {
        authorId: event.data.authorId,
        sentAt: event.data.sentAt,
        deleted: false,
        threadRootId: event.data.threadRootId,
        reactions: new Set(),
      });
      return channel;
    case 'MessageDeleted': {
      const message = channel.messages.get(event.data.messageId);
      if (message) message.deleted = true;
      return channel;
    }
    case 'ReactionAdded':
      channel.messages.get(event.data.messageId)?.reactions.add(`${event.data.userId} ${event.data.emoji}`);
      return channel;
    case 'ChannelRead':
      channel.readUpTo.set(event.data.userId, event.data.position);
      return channel;
    case 'MessageEdited':
    case 'UserMentioned':
      return channel;
    default:
      return assertNever(event);
  }
}

export const channelDecider: Decider<ChannelCommand, ChannelEvent, ChannelState> = {
  initialState: { status: 'none', position: 0 },
  decide,
  evolve,
};
