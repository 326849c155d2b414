import { chat } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { channelDecider, GROUP_SIZE, MAX_MESSAGE_LENGTH, MAX_NAME_LENGTH } from '../../src/domain/channel.decider';
import type { Actor, ChannelCommand, ChannelEvent, ChannelKind } from '../../src/domain/channel.decider';

const given = deciderSpec(channelDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-02T09:10:00.000Z';
const C = 'c0000000-0000-7000-8000-000000000001';
const [ANN, BOB, CAT, DAN, EVE] = ['u-ann', 'u-bob', 'u-cat', 'u-dan', 'u-eve'];
const M1 = 'm0000000-0000-7000-8000-000000000001';
const M2 = 'm0000000-0000-7000-8000-000000000002';
const WINDOW = 15 * 60;

const as = (userId: string | null, tenantAdmin = false): Actor => ({ userId, tenantAdmin });
const cmd = (command: Omit<ChannelCommand, 'metadata'>, now = NOW) =>
  ({ ...command, metadata: { now } }) as ChannelCommand;

const created = (kind: ChannelKind = 'public', extra: Partial<chat.ChannelCreated['data']> = {}) =>
  chat.channelCreated({
    channelId: C,
    kind,
    name: 'town-square',
    readOnly: false,
    createdBy: ANN,
    createdAt: NOW,
    ...extra,
  });
const added = (userId: string, admin = false, addedBy: string | null = ANN) =>
  chat.memberAdded({ channelId: C, userId, admin, addedBy, addedAt: NOW });
const removed = (userId: string, removedBy: string | null, reason: string | null = null) =>
  chat.memberRemoved({ channelId: C, userId, removedBy, reason, removedAt: NOW });
const sent = (messageId: string, authorId: string, text = 'hello', threadRootId: string | null = null, at = NOW) =>
  chat.messageSent({ channelId: C, messageId, authorId, text, threadRootId, sentAt: at });
const mentioned = (userId: string, via: 'name' | 'channel', by = ANN, messageId = M2) =>
  chat.userMentioned({ channelId: C, messageId, userId, mentionedBy: by, via, mentionedAt: NOW });
const archived = () => chat.channelArchived({ channelId: C, archivedBy: ANN, archivedAt: NOW });

/** A public channel Ann created, with Bob in it. */
const townSquare: ChannelEvent[] = [created(), added(ANN, true), added(BOB)];
const privateRoom: ChannelEvent[] = [created('private'), added(ANN, true), added(BOB)];

const create = (kind: ChannelKind, members: string[], actor = as(ANN), extra = {}) =>
  cmd({
    type: 'CreateChannel',
    data: { channelId: C, kind, name: ' town-square ', readOnly: false, actor, members, ...extra },
  });
const send = (
  actor: Actor,
  text = 'hello',
  extra: Partial<Extract<ChannelCommand, { type: 'SendMessage' }>['data']> = {},
) =>
  cmd({
    type: 'SendMessage',
    data: { messageId: M2, text, replyTo: null, actor, mentions: [], mentionsChannel: false, ...extra },
  });

describe('creating channels and conversations', () => {
  it('a public or private channel: ChannelCreated (name trimmed), the creator an admin member, the others members', () => {
    given([])
      .when(create('private', [BOB, BOB, ANN]))
      .then([created('private'), added(ANN, true), added(BOB)]);
  });

  it('a name is 1 to 64 characters', () => {
    given([])
      .when(create('public', [], as(ANN), { name: 'x'.repeat(MAX_NAME_LENGTH + 1) }))
      .thenThrows('invalid-channel-name', { maxLength: 64 });
    given([])
      .when(create('public', [], as(ANN), { name: '  ' }))
      .thenThrows('invalid-channel-name');
  });

  it('a direct conversation is exactly two people', () => {
    given([])
      .when(create('direct', [BOB]))
      .then([created('direct'), added(ANN, true), added(BOB)]);
    given([]).when(create('direct', [])).thenThrows('direct-needs-two-people');
    given([])
      .when(create('direct', [BOB, CAT]))
      .thenThrows('direct-needs-two-people');
  });

  it('a group conversation is 3 to 8 people', () => {
    given([])
      .when(create('group', [BOB]))
      .thenThrows('group-size', { ...GROUP_SIZE });
    const eight = [BOB, CAT, DAN, EVE, 'u-f', 'u-g', 'u-h'];
    expect(channelDecider.decide(create('group', eight), channelDecider.initialState)).toHaveLength(1 + 8);
    given([])
      .when(create('group', [...eight, 'u-i']))
      .thenThrows('group-size');
  });

  it('an announcement (read-only) channel is opened by a tenant-admin only, and never as a conversation', () => {
    given([])
      .when(create('public', [], as(ANN), { readOnly: true }))
      .thenThrows('not-channel-admin');
    given([])
      .when(create('public', [], as(ANN, true), { readOnly: true }))
      .then([created('public', { readOnly: true }), added(ANN, true)]);
    given([])
      .when(create('group', [BOB, CAT], as(ANN, true), { readOnly: true }))
      .thenThrows('read-only-conversation');
  });

  it('a channel exists once', () => {
    given(townSquare).when(create('public', [])).thenThrows('channel-already-exists');
  });
});

describe('membership', () => {
  const add = (userId: string, actor: Actor) => cmd({ type: 'AddMember', data: { userId, actor } });
  const remove = (userId: string, actor: Actor, reason: string | null = null) =>
    cmd({ type: 'RemoveMember', data: { userId, actor, reason } });

  it('anyone joins a public channel themselves; a member adds others', () => {
    given(townSquare)
      .when(add(CAT, as(CAT)))
      .then([added(CAT, false, CAT)]);
    given(townSquare)
      .when(add(CAT, as(BOB)))
      .then([added(CAT, false, BOB)]);
    given(townSquare)
      .when(add(DAN, as(CAT)))
      .thenThrows('not-a-member');
  });

  it('nobody joins a private channel by themselves; a member or a tenant-admin adds them', () => {
    given(privateRoom)
      .when(add(CAT, as(CAT)))
      .thenThrows('not-a-member');
    given(privateRoom)
      .when(add(CAT, as(BOB)))
      .then([added(CAT, false, BOB)]);
    given(privateRoom)
      .when(add(CAT, as(DAN, true)))
      .then([added(CAT, false, DAN)]);
  });

  it('a member is added once; a direct conversation keeps its two; a group stops at 8', () => {
    given(townSquare)
      .when(add(BOB, as(ANN)))
      .thenThrows('already-a-member');
    given([created('direct'), added(ANN, true), added(BOB)])
      .when(add(CAT, as(ANN)))
      .thenThrows('direct-members-fixed');
    const full = [created('group'), ...[ANN, BOB, CAT, DAN, EVE, 'u-f', 'u-g', 'u-h'].map((u) => added(u))];
    given(full)
      .when(add('u-i', as(ANN)))
      .thenThrows('group-size');
  });

  it('a member leaves; an admin removes anyone; nobody else removes others', () => {
    given(townSquare)
      .when(remove(BOB, as(BOB)))
      .then([removed(BOB, BOB)]);
    given(townSquare)
      .when(remove(BOB, as(ANN)))
      .then([removed(BOB, ANN)]);
    given([...townSquare, added(CAT)])
      .when(remove(CAT, as(BOB)))
      .thenThrows('not-channel-admin');
    given(townSquare)
      .when(remove(CAT, as(ANN)))
      .thenThrows('not-a-member');
  });

  it('a policy removes from any channel, archived or direct, and removing a non-member is nothing', () => {
    const direct = [created('direct'), added(ANN, true), added(BOB), archived()];
    given(direct)
      .when(remove(BOB, as(null), 'user-deactivated'))
      .then([removed(BOB, null, 'user-deactivated')]);
    given(townSquare)
      .when(remove(CAT, as(null), 'user-deactivated'))
      .then([]);
  });

  it('a default channel is created on first need and joined; later joins only add; a member joins once', () => {
    const join = (userId: string) =>
      cmd({ type: 'JoinDefaultChannel', data: { channelId: C, name: 'general', userId, reason: 'employee-hired' } });
    const general = chat.channelCreated({
      channelId: C,
      kind: 'public',
      name: 'general',
      readOnly: false,
      createdBy: null,
      createdAt: NOW,
    });
    given([])
      .when(join(ANN))
      .then([general, added(ANN, false, null)]);
    given([general, added(ANN, false, null)])
      .when(join(BOB))
      .then([added(BOB, false, null)]);
    given([general, added(ANN, false, null)])
      .when(join(ANN))
      .then([]);
    given([general, archived()]).when(join(ANN)).then([]);
  });
});

describe('messages', () => {
  it('a member posts; the text is kept exactly as written', () => {
    const text = '  <b>not html</b> & stays  ';
    given(townSquare)
      .when(send(as(BOB), text))
      .then([sent(M2, BOB, text)]);
  });

  it('only members post, even in a public channel', () => {
    given(townSquare)
      .when(send(as(CAT)))
      .thenThrows('not-a-member');
    given([...townSquare, removed(BOB, BOB)])
      .when(send(as(BOB)))
      .thenThrows('not-a-member');
  });

  it(`a message is 1 to ${MAX_MESSAGE_LENGTH} characters`, () => {
    given(townSquare)
      .when(send(as(BOB), 'x'.repeat(MAX_MESSAGE_LENGTH)))
      .then([sent(M2, BOB, 'x'.repeat(4000))]);
    given(townSquare)
      .when(send(as(BOB), 'x'.repeat(MAX_MESSAGE_LENGTH + 1)))
      .thenThrows('message-too-long', { maxLength: MAX_MESSAGE_LENGTH });
    given(townSquare)
      .when(send(as(BOB), ' \n '))
      .thenThrows('empty-message');
  });

  it('an archived channel refuses posts', () => {
    given([...townSquare, archived()])
      .when(send(as(BOB)))
      .thenThrows('channel-archived');
  });

  it('a read-only channel refuses posts from non-admins, not from its admins or a tenant-admin', () => {
    const announcements = [created('public', { readOnly: true }), added(ANN, true), added(BOB), added(CAT)];
    given(announcements)
      .when(send(as(BOB)))
      .thenThrows('channel-read-only');
    given(announcements)
      .when(send(as(ANN)))
      .then([sent(M2, ANN)]);
    given(announcements)
      .when(send(as(CAT, true)))
      .then([sent(M2, CAT)]);
  });

  it('a reply belongs to the thread of a message of this channel; a reply to a reply joins the same thread', () => {
    const M3 = 'm3';
    given([...townSquare, sent(M1, ANN)])
      .when(send(as(BOB), 'yes', { replyTo: M1 }))
      .then([sent(M2, BOB, 'yes', M1)]);
    given([...townSquare, sent(M1, ANN), sent(M3, BOB, 'yes', M1)])
      .when(send(as(ANN), 'no', { replyTo: M3 }))
      .then([sent(M2, ANN, 'no', M1)]);
    given(townSquare)
      .when(send(as(BOB), 'hm', { replyTo: M1 }))
      .thenThrows('unknown-thread-parent');
  });
});

describe('mentions', () => {
  it('@name mentions the user once; the author is never mentioned', () => {
    const mentions = [
      { handle: 'bob', userId: BOB },
      { handle: 'bobby', userId: BOB },
      { handle: 'ann', userId: ANN },
    ];
    given(townSquare)
      .when(send(as(ANN), 'hi @bob @bobby @ann', { mentions }))
      .then([sent(M2, ANN, 'hi @bob @bobby @ann'), mentioned(BOB, 'name')]);
  });

  it('in a public channel anyone of the tenant can be mentioned', () => {
    given(townSquare)
      .when(send(as(ANN), '@cat', { mentions: [{ handle: 'cat', userId: CAT }] }))
      .then([sent(M2, ANN, '@cat'), mentioned(CAT, 'name')]);
  });

  it('in a private channel a mention of someone outside it reveals nothing: no event, no refusal', () => {
    given(privateRoom)
      .when(send(as(ANN), '@cat look', { mentions: [{ handle: 'cat', userId: CAT }] }))
      .then([sent(M2, ANN, '@cat look')]);
  });

  it('@channel mentions every other member, once, a name mention first', () => {
    given([...privateRoom, added(CAT)])
      .when(send(as(ANN), '@channel @bob', { mentionsChannel: true, mentions: [{ handle: 'bob', userId: BOB }] }))
      .then([sent(M2, ANN, '@channel @bob'), mentioned(BOB, 'name'), mentioned(CAT, 'channel')]);
  });
});

describe('edits and deletions', () => {
  const edit = (actor: Actor, now = LATER, text = 'fixed') =>
    cmd({ type: 'EditMessage', data: { messageId: M1, text, actor, windowSeconds: WINDOW } }, now);
  const del = (actor: Actor, now = LATER) =>
    cmd({ type: 'DeleteMessage', data: { messageId: M1, actor, windowSeconds: WINDOW } }, now);
  const history = [...townSquare, added(CAT), sent(M1, BOB)];
  const edited = (by: string) =>
    chat.messageEdited({ channelId: C, messageId: M1, editedBy: by, text: 'fixed', editedAt: LATER });
  const deleted = (by: string) => chat.messageDeleted({ channelId: C, messageId: M1, deletedBy: by, deletedAt: LATER });

  it('the author or an admin edits and deletes within the window', () => {
    given(history)
      .when(edit(as(BOB)))
      .then([edited(BOB)]);
    given(history)
      .when(edit(as(ANN)))
      .then([edited(ANN)]);
    given(history)
      .when(del(as(BOB)))
      .then([deleted(BOB)]);
    given(history)
      .when(del(as(DAN, true)))
      .then([deleted(DAN)]);
  });

  it('nobody else does', () => {
    given(history)
      .when(edit(as(CAT)))
      .thenThrows('not-message-author');
    given(history)
      .when(del(as(CAT)))
      .thenThrows('not-message-author');
  });

  it('after the window, neither the author nor an admin', () => {
    const late = '2026-03-02T09:15:01.000Z';
    given(history)
      .when(edit(as(BOB), late))
      .thenThrows('edit-window-closed', { windowSeconds: WINDOW });
    given(history)
      .when(del(as(ANN), late))
      .thenThrows('edit-window-closed');
    given(history)
      .when(del(as(BOB), '2026-03-02T09:15:00.000Z'))
      .then([
        chat.messageDeleted({ channelId: C, messageId: M1, deletedBy: BOB, deletedAt: '2026-03-02T09:15:00.000Z' }),
      ]);
  });

  it('a deleted message is neither edited, deleted again, nor reacted to; an unknown one is not found', () => {
    given([...history, deleted(BOB)])
      .when(edit(as(BOB)))
      .thenThrows('message-deleted');
    given([...history, deleted(BOB)])
      .when(del(as(BOB)))
      .thenThrows('message-deleted');
    given(townSquare)
      .when(edit(as(BOB)))
      .thenThrows('message-not-found');
  });

  it('an edit keeps the text rules', () => {
    given(history)
      .when(edit(as(BOB), LATER, 'x'.repeat(MAX_MESSAGE_LENGTH + 1)))
      .thenThrows('message-too-long');
  });

  it('an archived channel refuses edits and deletions', () => {
    given([...history, archived()])
      .when(edit(as(BOB)))
      .thenThrows('channel-archived');
  });
});

describe('reactions', () => {
  const react = (actor: Actor, emoji = 'thumbsup', messageId = M1) =>
    cmd({ type: 'AddReaction', data: { messageId, emoji, actor } });
  const reaction = (userId: string, emoji = 'thumbsup') =>
    chat.reactionAdded({ channelId: C, messageId: M1, userId, emoji, addedAt: NOW });
  const history = [...townSquare, sent(M1, ANN)];

  it('one reaction per user, message and emoji', () => {
    given(history)
      .when(react(as(BOB)))
      .then([reaction(BOB)]);
    given([...history, reaction(BOB)])
      .when(react(as(BOB)))
      .thenThrows('reaction-already-added');
    given([...history, reaction(BOB)])
      .when(react(as(BOB), 'tada'))
      .then([reaction(BOB, 'tada')]);
    given([...history, reaction(BOB)])
      .when(react(as(ANN)))
      .then([reaction(ANN)]);
  });

  it('only members react, to a message of the channel, with an emoji', () => {
    given(history)
      .when(react(as(CAT)))
      .thenThrows('not-a-member');
    given(history)
      .when(react(as(BOB), 'thumbsup', M2))
      .thenThrows('message-not-found');
    given(history)
      .when(react(as(BOB), 'two words'))
      .thenThrows('invalid-emoji');
  });
});

describe('archive', () => {
  const archive = (actor: Actor) => cmd({ type: 'ArchiveChannel', data: { actor } });
  it('an admin of the channel or a tenant-admin archives it, once', () => {
    given(townSquare)
      .when(archive(as(ANN)))
      .then([archived()]);
    given(townSquare)
      .when(archive(as(BOB)))
      .thenThrows('not-channel-admin');
    given([...townSquare, archived()])
      .when(archive(as(ANN)))
      .thenThrows('channel-archived');
  });

  it('an archived channel refuses members', () => {
    given([...townSquare, archived()])
      .when(cmd({ type: 'AddMember', data: { userId: CAT, actor: as(ANN) } }))
      .thenThrows('channel-archived');
  });
});

describe('read markers', () => {
  const read = (actor: Actor, position: number | null) => cmd({ type: 'MarkRead', data: { actor, position } });
  const readTo = (userId: string, position: number) =>
    chat.channelRead({ channelId: C, userId, position, readAt: NOW });
  const history = [...townSquare, sent(M1, ANN), sent(M2, ANN)]; // positions 1..5

  it('a member reads up to a position, or to the end', () => {
    given(history)
      .when(read(as(BOB), 4))
      .then([readTo(BOB, 4)]);
    given(history)
      .when(read(as(BOB), null))
      .then([readTo(BOB, 5)]);
  });

  it('a marker only moves forward, and never past the end', () => {
    given([...history, readTo(BOB, 4)])
      .when(read(as(BOB), 3))
      .then([]);
    given(history)
      .when(read(as(BOB), 6))
      .thenThrows('position-out-of-range', { position: 5 });
  });

  it('only members have markers', () => {
    given(history)
      .when(read(as(CAT), 2))
      .thenThrows('not-a-member');
  });
});
