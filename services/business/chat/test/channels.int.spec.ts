import { fixedClock } from '@hexfleet/kernel';
import { listOf, storedEvents, tenantEvents } from '@hexfleet/testing';
import { known, People, readAfter, startChat, uniqueTenant } from './support/chat-harness';
import type { ChatHarness } from './support/chat-harness';

const NOW = '2026-03-02T09:00:00.000Z';

// The service on the real stack: HTTP in, event store, relay, Kafka, read models, HTTP out.
describe('chat: channels, messages, threads, mentions, reactions, unread, search', () => {
  let service: ChatHarness;
  let people: People;

  beforeAll(async () => {
    [service, people] = await Promise.all([startChat(fixedClock(NOW), { postsPerMinute: 12 }), People.start()]);
  });
  afterAll(async () => {
    await people?.close();
    await service?.close();
  });

  it('a private channel: members post, reply, mention, react, edit, delete; unread, mentions and search as each may see', async () => {
    const tenant = uniqueTenant();
    const [ann, bob, cat] = await Promise.all(['ann', 'bob', 'cat'].map((h) => people.register(tenant, h)));
    await known(service, tenant, [ann, bob, cat]);
    const [annT, bobT, catT] = await Promise.all(
      [ann, bob, cat].map((userId) => service.issuer.mint({ tenant, userId, roles: ['employee'] })),
    );

    const created = await service.call('POST', '/channels', { token: annT, body: { kind: 'private', name: ' ops ' } });
    expect(created.status).toBe(201);
    const channelId = String(created.body.channelId);
    expect(
      (await service.call('POST', `/channels/${channelId}/members`, { token: annT, body: { userId: bob } })).status,
    ).toBe(200);

    // Bob mentions Ann (a member) and Cat (not one): only Ann is mentioned, and the post says nothing of Cat.
    const hi = await service.call('POST', `/channels/${channelId}/messages`, {
      token: bobT,
      body: { text: 'hi @ann, ask @cat <b>now</b>' },
    });
    expect(hi.status).toBe(201);
    expect(Object.keys(hi.body).sort()).toEqual(['channelId', 'messageId', 'outcome']);
    const messageId = String(hi.body.messageId);
    expect(await storedEvents(service, 'UserMentioned')).toBeGreaterThanOrEqual(1);
    expect(await tenantEvents(service, tenant, ['UserMentioned'])).toBe(1);

    const annList = await readAfter(service, hi, '/channels', annT);
    expect(annList.body).toEqual([
      expect.objectContaining({ channelId, name: 'ops', kind: 'private', unread: 1, mentions: 1, readPosition: 0 }),
    ]);

    // A thread reply, a reaction (once), an edit by the author, a deletion.
    const reply = await service.call('POST', `/channels/${channelId}/messages`, {
      token: annT,
      body: { text: 'on it', replyTo: messageId },
    });
    expect(reply.status).toBe(201);
    const react = (token: string) =>
      service.call('POST', `/channels/${channelId}/messages/${messageId}/reactions`, {
        token,
        body: { emoji: 'eyes' },
      });
    expect((await react(annT)).status).toBe(201);
    expect([(await react(annT)).status, (await react(annT)).body.code]).toEqual([409, 'reaction-already-added']);
    const edit = await service.call('PUT', `/channels/${channelId}/messages/${messageId}`, {
      token: annT,
      body: { text: 'not mine' },
    });
    expect(edit.status).toBe(200); // Ann created the channel: she administers it
    const nope = await service.call('PUT', `/channels/${channelId}/messages/${String(reply.body.messageId)}`, {
      token: bobT,
      body: { text: 'x' },
    });
    expect([nope.status, nope.body.code]).toEqual([409, 'not-message-author']);

    const messages = await readAfter(service, edit, `/channels/${channelId}/messages`, bobT);
    expect(messages.body).toEqual([
      expect.objectContaining({
        messageId,
        authorId: bob,
        text: 'not mine',
        replies: 1,
        reactions: [{ emoji: 'eyes', userIds: [ann] }],
        editedAt: NOW,
      }),
      expect.objectContaining({ text: 'on it', threadRootId: messageId, authorId: ann }),
    ]);

    // Search: Bob finds the reply; Cat, outside the private channel, finds nothing.
    const found = await service.call('GET', '/search?q=on%20it', { token: bobT });
    expect(found.body).toEqual([
      expect.objectContaining({ channelName: 'ops', message: expect.objectContaining({ text: 'on it' }) }),
    ]);
    expect((await service.call('GET', '/search?q=on%20it', { token: catT })).body).toEqual([]);
    expect((await service.call('GET', `/channels/${channelId}`, { token: catT })).status).toBe(404);
    expect((await service.call('GET', `/channels/${channelId}/messages`, { token: catT })).status).toBe(404);

    // Reading to the end clears Ann's unread and mentions.
    const read = await service.call('POST', `/channels/${channelId}/read`, { token: annT });
    expect(read.status).toBe(200);
    const after = await readAfter(service, read, '/channels', annT);
    expect(after.body).toEqual([expect.objectContaining({ unread: 0, mentions: 0 })]);

    // Every event of the channel at its position, 1..n without a gap: what a client resumes from.
    const events = await service.call('GET', `/channels/${channelId}/events?after=0&limit=200`, { token: bobT });
    const positions = listOf<{ position: number }>(events).map((e) => e.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    expect(listOf<{ type: string }>(events).map((e) => e.type)).toEqual([
      'ChannelCreated',
      'MemberAdded',
      'MemberAdded',
      'MessageSent',
      'UserMentioned',
      'MessageSent',
      'ReactionAdded',
      'MessageEdited',
      'ChannelRead',
    ]);
    const tail = await service.call('GET', `/channels/${channelId}/events?after=7`, { token: bobT });
    expect(listOf<{ position: number }>(tail).map((e) => e.position)).toEqual([8, 9]);

    const deleted = await service.call('DELETE', `/channels/${channelId}/messages/${messageId}`, { token: bobT });
    expect(deleted.status).toBe(200);
    const gone = await readAfter(service, deleted, `/channels/${channelId}/messages`, bobT);
    expect(gone.body).toEqual([
      expect.objectContaining({ messageId, text: null, deleted: true }),
      expect.objectContaining({ text: 'on it' }),
    ]);
  });

  it('refuses an oversize message with 413, a flood with 429 and Retry-After, and writes nothing for either', async () => {
    const tenant = uniqueTenant();
    const dan = await people.register(tenant, 'dan');
    const token = await service.issuer.mint({ tenant, userId: dan, roles: ['employee'] });
    const created = await service.call('POST', '/channels', { token, body: { kind: 'public', name: 'flood' } });
    const path = `/channels/${String(created.body.channelId)}/messages`;
    const before = await tenantEvents(service, tenant);

    const big = await service.call('POST', path, { token, body: { text: 'x'.repeat(4001) } });
    expect([big.status, big.body.code]).toEqual([413, 'payload-too-large']);
    expect(String(big.body.detail)).toContain('text');
    expect(await tenantEvents(service, tenant)).toBe(before);

    const statuses: number[] = [];
    for (let i = 0; i < 13; i++)
      statuses.push((await service.call('POST', path, { token, body: { text: `m${i}` } })).status);
    expect(statuses).toEqual([...Array(12).fill(201), 429]);
    const limited = await service.call('POST', path, { token, body: { text: 'again' } });
    expect([limited.status, limited.body.code]).toEqual([429, 'too-many-requests']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await tenantEvents(service, tenant, ['MessageSent'])).toBe(12);
  });

  it('an announcement channel: only a tenant-admin opens it, only admins post; archive stops posts', async () => {
    const tenant = uniqueTenant();
    const [boss, eve] = await Promise.all(['boss', 'eve'].map((h) => people.register(tenant, h)));
    await known(service, tenant, [boss, eve]);
    const bossT = await service.issuer.mint({ tenant, userId: boss, roles: ['tenant-admin'] });
    const eveT = await service.issuer.mint({ tenant, userId: eve, roles: ['employee'] });
    const body = { kind: 'public', name: 'news', readOnly: true };
    expect((await service.call('POST', '/channels', { token: eveT, body })).body.code).toBe('not-channel-admin');
    const news = await service.call('POST', '/channels', { token: bossT, body });
    const id = String(news.body.channelId);
    // Eve finds it among the public channels, joins, and it says so.
    const listed = await readAfter(service, news, '/public-channels', eveT);
    const entry = { channelId: id, name: 'news', readOnly: true, lastMessageAt: null };
    expect(listed.body).toEqual([{ ...entry, members: 1, joined: false }]);
    const joined = await service.call('POST', `/channels/${id}/members`, { token: eveT, body: { userId: eve } });
    expect(joined.status).toBe(200);
    expect((await readAfter(service, joined, '/public-channels', eveT)).body).toEqual([
      { ...entry, members: 2, joined: true },
    ]);
    const post = (token: string) =>
      service.call('POST', `/channels/${id}/messages`, { token, body: { text: 'hello' } });
    expect((await post(eveT)).body.code).toBe('channel-read-only');
    expect((await post(bossT)).status).toBe(201);
    expect((await service.call('POST', `/channels/${id}/archive`, { token: eveT })).body.code).toBe(
      'not-channel-admin',
    );
    expect((await service.call('POST', `/channels/${id}/archive`, { token: bossT })).status).toBe(200);
    expect((await post(bossT)).body.code).toBe('channel-archived');
  });

  it('a direct conversation is one per pair; a group takes 3 to 8 people', async () => {
    const tenant = uniqueTenant();
    const [a, b] = await Promise.all(['a1', 'b1'].map((h) => people.register(tenant, h)));
    const aT = await service.issuer.mint({ tenant, userId: a, roles: ['employee'] });
    const bT = await service.issuer.mint({ tenant, userId: b, roles: ['employee'] });
    const first = await service.call('POST', '/conversations', { token: aT, body: { members: [b] } });
    expect(first.status).toBe(201);
    const again = await service.call('POST', '/conversations', { token: bT, body: { members: [a] } });
    expect([again.status, again.body.code, again.body.channelId]).toEqual([
      409,
      'channel-already-exists',
      first.body.channelId,
    ]);
    const many = Array.from({ length: 7 }, () => crypto.randomUUID());
    expect((await service.call('POST', '/conversations', { token: aT, body: { members: many } })).status).toBe(201);
    const tooMany = await service.call('POST', '/conversations', { token: aT, body: { members: [...many, b] } });
    expect(tooMany.status).toBe(400);
  });
});
