import { randomBytes, randomUUID } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import type { Client } from 'graphql-ws';
import { Fleet, graphql, GraphqlReply, startFleet, subscriptionClient } from './support/fleet';

const tenant = `gqc${randomBytes(4).toString('hex')}`;
const [ann, bob, cat, dan] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

const OPEN = `mutation ($input: OpenChatConversationInput!) { openChatConversation(input: $input) { id consistencyToken } }`;
const POST = `mutation ($c: ID!, $input: PostChatMessageInput!) {
  postChatMessage(channelId: $c, input: $input) { messageId consistencyToken } }`;
const EVENTS = `subscription ($c: ID!, $after: Int, $t: String) {
  channelEvents(channelId: $c, after: $after, consistencyToken: $t) { position type data } }`;
const MINE = `query { chatChannels { channelId kind unread } }`;

interface Received {
  position: number;
  type: string;
  data: string;
}

/**
 * Chat as deployed behind two gateway replicas: a subscriber on each gets every event of the
 * channel, whichever replica the post went through (fan-out through Kafka, not in memory), in
 * order, once; a client that reconnects with the last position it saw gets what it missed, then live.
 */
describe('Chat through the gateway: live delivery over two replicas, resume, limits', () => {
  let fleet: Fleet;
  let second: string;
  const tokens: Record<string, string> = {};
  const clients: Client[] = [];

  beforeAll(async () => {
    fleet = await startFleet({ chat: 'services/business/chat' });
    second = (await fleet.startGateway()).url;
    for (const [name, userId] of Object.entries({ ann, bob, cat, dan })) {
      tokens[name] = await fleet.issuer.mint({ tenant, userId, roles: ['employee'] });
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await fleet?.stop();
  });

  /** Subscribes on a replica and collects what arrives (and any error). */
  function watch(url: string, token: string, channelId: string, after?: number, written?: string) {
    const client = subscriptionClient(url, token);
    clients.push(client);
    const received: Received[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ channelEvents: Received }>(
      { query: EVENTS, variables: { c: channelId, after, t: written } },
      {
        next: ({ data, errors: failed }) => {
          if (data) received.push(data.channelEvents);
          if (failed) errors.push(...failed);
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    return { client, received, errors };
  }

  const post = (url: string, token: string, channelId: string, text: string) =>
    graphql(url, POST, { token, variables: { c: channelId, input: { text } } });

  const positions = (received: Received[]) => received.map((e) => e.position);
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('delivers every post through either replica to subscribers on both, in order, once', async () => {
    const opened = dataOf(
      await graphql(fleet.url, OPEN, { token: tokens.ann, variables: { input: { members: [bob, cat] } } }),
    );
    const { id: channelId, consistencyToken } = opened.openChatConversation as { id: string; consistencyToken: string };

    // At once after the write: the replay waits for the read model to have it (the write's token).
    const onFirst = watch(fleet.url, tokens.bob, channelId, 0, consistencyToken);
    const onSecond = watch(second, tokens.ann, channelId, 0, consistencyToken);
    // The replay: the channel and its three members, from the read model.
    await eventually(async () => onFirst.received.length >= 4 && onSecond.received.length >= 4, {
      what: 'the replay on both replicas',
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify([onFirst, onSecond].map((w) => [w.received, w.errors]))}`);
    });
    expect(onFirst.received.slice(0, 4).map((e) => e.type)).toEqual([
      'ChannelCreated',
      'MemberAdded',
      'MemberAdded',
      'MemberAdded',
    ]);

    // Posts through both replicas, interleaved; each is a new position of the channel.
    for (let i = 0; i < 3; i++) {
      dataOf(await post(fleet.url, tokens.ann, channelId, `from the first replica ${i}`));
      dataOf(await post(second, tokens.bob, channelId, `from the second replica ${i}`));
    }
    await eventually(async () => onFirst.received.length >= 10 && onSecond.received.length >= 10, {
      what: 'six posts on both replicas',
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything extra would be a duplicate
    expect(positions(onFirst.received)).toEqual(upTo(10));
    expect(positions(onSecond.received)).toEqual(upTo(10));
    expect(onSecond.received.slice(4).map((e) => (JSON.parse(e.data) as { text: string }).text)).toEqual([
      'from the first replica 0',
      'from the second replica 0',
      'from the first replica 1',
      'from the second replica 1',
      'from the first replica 2',
      'from the second replica 2',
    ]);
    expect([onFirst.errors, onSecond.errors]).toEqual([[], []]);

    // Cat was offline after position 7: reconnecting with it replays 8..10, then the next post live.
    const resumed = watch(second, tokens.cat, channelId, 7);
    await eventually(async () => resumed.received.length >= 3, { what: 'the resume' });
    dataOf(await post(fleet.url, tokens.cat, channelId, 'back'));
    await eventually(async () => resumed.received.length >= 4, { what: 'the live post after the resume' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(positions(resumed.received)).toEqual([8, 9, 10, 11]);
    expect(JSON.parse(resumed.received[3].data)).toMatchObject({ text: 'back', authorId: cat });

    // Dan is no member: the subscription ends with the service's not-found, and nothing is sent.
    const outsider = watch(second, tokens.dan, channelId, 0);
    await eventually(async () => outsider.errors.length > 0, { what: "the outsider's refusal" });
    expect(outsider.received).toEqual([]);
    expect(JSON.stringify(outsider.errors)).toContain('not-found');

    // Unread counts through GraphQL: Bob has the three posts of Ann and Cat's.
    const mine = dataOf(await graphql(second, MINE, { token: tokens.bob }));
    expect(mine.chatChannels).toEqual([{ channelId, kind: 'group', unread: 4 }]);
  });

  it('passes typing and presence between replicas, live and unstored, to members only', async () => {
    const opened = dataOf(
      await graphql(fleet.url, OPEN, { token: tokens.ann, variables: { input: { members: [bob, cat] } } }),
    );
    const { id: channelId, consistencyToken } = opened.openChatConversation as { id: string; consistencyToken: string };
    const replayed = watch(second, tokens.ann, channelId, 0, consistencyToken);
    await eventually(async () => replayed.received.length === 4, { what: 'the channel in the read model' });

    const collect = (url: string, token: string, query: string, variables: Record<string, unknown> = {}) => {
      const client = subscriptionClient(url, token);
      clients.push(client);
      const received: Array<Record<string, unknown>> = [];
      const errors: unknown[] = [];
      client.subscribe<Record<string, Record<string, unknown>>>(
        { query, variables },
        {
          next: ({ data, errors: failed }) => {
            if (data) received.push(...Object.values(data));
            if (failed) errors.push(...failed);
          },
          error: (error) => errors.push(error),
          complete: () => undefined,
        },
      );
      return { received, errors };
    };
    const typing = collect(
      second,
      tokens.ann,
      'subscription ($c: ID!) { chatTyping(channelId: $c) { channelId userId } }',
      {
        c: channelId,
      },
    );
    const presence = collect(second, tokens.ann, 'subscription { chatPresence { userId status } }');
    const outsider = collect(fleet.url, tokens.dan, 'subscription ($c: ID!) { chatTyping(channelId: $c) { userId } }', {
      c: channelId,
    });
    const TYPE = 'mutation ($c: ID!) { sendChatTyping(channelId: $c) { accepted } }';
    const PRESENCE = 'mutation ($s: String!) { setChatPresence(status: $s) { accepted } }';
    dataOf(await graphql(fleet.url, TYPE, { token: tokens.bob, variables: { c: channelId } }));
    // Until the subscriptions are in place, a typing indicator is simply lost: send until one arrives.
    await eventually(
      async () => {
        dataOf(await graphql(fleet.url, TYPE, { token: tokens.bob, variables: { c: channelId } }));
        dataOf(await graphql(fleet.url, PRESENCE, { token: tokens.bob, variables: { s: 'away' } }));
        return typing.received.length > 0 && presence.received.some((p) => p.userId === bob);
      },
      { pollMs: 500, what: "Bob's typing and presence on the other replica" },
    );
    expect(typing.received[0]).toEqual({ channelId, userId: bob });
    expect(presence.received.find((p) => p.userId === bob)).toEqual({ userId: bob, status: 'away' });
    await eventually(async () => outsider.errors.length > 0, { what: "the outsider's refusal" });
    expect(JSON.stringify(outsider.errors)).toContain('not-found');
    expect(outsider.received).toEqual([]);
    const refused = await graphql(fleet.url, TYPE, { token: tokens.dan, variables: { c: channelId } });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'not-found', status: 404 });

    // Nothing of it is stored: the channel's events are still its creation and three members.
    const later = watch(fleet.url, tokens.bob, channelId, 0);
    await eventually(async () => later.received.length >= 4, { what: 'the replay' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(positions(later.received)).toEqual(upTo(4));
  });

  it('answers an oversize message with a GraphQL error naming the limit, and writes nothing', async () => {
    const opened = dataOf(
      await graphql(fleet.url, OPEN, { token: tokens.ann, variables: { input: { members: [dan] } } }),
    );
    const channelId = (opened.openChatConversation as { id: string }).id;
    const { consistencyToken } = opened.openChatConversation as { consistencyToken: string };
    const big = await post(fleet.url, tokens.ann, channelId, 'x'.repeat(4001));
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'payload-too-large', status: 413, module: 'chat' });
    expect(big.body.errors?.[0].message).toContain('text: at most 4000 characters');
    const messages = dataOf(
      await graphql(
        fleet.url,
        `
          query ($c: ID!) {
            chatMessages(channelId: $c) {
              messageId
            }
          }
        `,
        {
          token: tokens.ann,
          variables: { c: channelId },
          // The read waits for the conversation's creation: nothing else was written.
          headers: { 'x-consistency-token': consistencyToken },
        },
      ),
    );
    expect(messages.chatMessages).toEqual([]);
  });
});
