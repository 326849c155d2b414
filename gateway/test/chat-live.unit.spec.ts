import { ConsistencyToken } from '@hexfleet/eventing';
import { GraphQLError } from 'graphql';
import type { Rest } from '../src/graphql/common/rest';
import { ChatLiveResolver } from '../src/graphql/chat/chat-live.resolver';
import type { ChatChannelEvent } from '../src/graphql/chat/chat.types';
import type { LiveContext } from '../src/graphql/live/live-views';
import type { LiveEvent } from '../src/live-feed';

const TENANT = 'acme';
const CHANNEL = 'c1';
const ME = 'u-me';

/** The channel's events as the read model has them: position n is message n (8: I am removed). */
const stored = (position: number): ChatChannelEvent => {
  const removed = position === 8;
  const data = JSON.stringify(
    removed ? { channelId: CHANNEL, userId: ME } : { channelId: CHANNEL, text: `m${position}` },
  );
  return { channelId: CHANNEL, position, type: removed ? 'MemberRemoved' : 'MessageSent', data, at: 'then' };
};

const live = (position: number, streamId = `${TENANT}/channel/${CHANNEL}`, topic = 'chat.channel.v1'): LiveEvent => {
  const event = stored(position);
  return {
    id: `e${position}`,
    type: `hexfleet.chat.channel.${event.type}`,
    topic,
    subject: CHANNEL,
    time: 'then',
    data: event.data,
    streamId,
    streamVersion: position,
  };
};

/** A subscriber's context whose tenant feed is `feed`. */
const listening = (feed: () => AsyncGenerator<{ domainEvents: LiveEvent }>) =>
  ({
    caller: { tenant: TENANT, userId: ME, token: 't', roles: [] },
    loaders: {},
    freshness: new Set(),
    meta: {},
    pubsub: { subscribe: async () => feed() },
  }) as unknown as LiveContext;

/**
 * The subscription's ordering logic against a read model and a live feed made up for the test:
 * the replay, then live events, duplicates skipped, a gap filled from the read model (waiting for
 * the live event's position with its consistency token), the end when the caller is removed.
 */
describe('channelEvents: replay, then live, no gap, no duplicate', () => {
  it('sends every position once and in order, and ends when the subscriber leaves the channel', async () => {
    let projected = 4; // the read model has 1..4 when the replay reads
    const reads: Array<{ path: string; token?: string }> = [];
    const rest = {
      get: async (context: LiveContext, _module: string, path: string) => {
        reads.push({ path, token: context.caller?.consistencyToken });
        if (context.caller?.consistencyToken) projected = 7; // the read waited until the read model had 7
        const after = Number(new URL(path, 'http://x').searchParams.get('after'));
        return Array.from({ length: Math.max(0, projected - after) }, (_, i) => stored(after + i + 1));
      },
    } as unknown as Rest;
    // What the live feed had queued by the time the replay was sent: duplicates of the replay, 5, another
    // channel's and another topic's events, then 7 (6 never came live: a gap), 7 again, 8, 9.
    const queued = [
      live(3),
      live(4),
      live(5),
      live(6, `${TENANT}/channel/other`),
      live(6, `${TENANT}/channel/${CHANNEL}`, 'hrms.employee.v1'),
      live(7),
      live(7),
      live(8),
      live(9),
    ];
    let closed = false;
    async function* feed() {
      try {
        for (const domainEvents of queued) yield { domainEvents };
      } finally {
        closed = true;
      }
    }
    const context = listening(feed);

    const sent: Array<[number, string]> = [];
    const iterator = new ChatLiveResolver(rest).channelEvents(context, CHANNEL, 2);
    for await (const { channelEvents } of iterator) sent.push([channelEvents.position, channelEvents.type]);

    expect(sent).toEqual([
      [3, 'MessageSent'],
      [4, 'MessageSent'],
      [5, 'MessageSent'],
      [6, 'MessageSent'],
      [7, 'MessageSent'],
      [8, 'MemberRemoved'],
    ]);
    expect(closed).toBe(true);
    // The replay read after 2; the gap was read after 5 with a token naming event 7.
    expect(reads.map((r) => r.path)).toEqual([
      `/channels/${CHANNEL}/events?after=2&limit=200`,
      `/channels/${CHANNEL}/events?after=5&limit=200`,
    ]);
    expect(ConsistencyToken.decode(reads[1].token ?? '')).toMatchObject({ eventId: 'e7', version: 7 });
  });

  it('never sends past a gap the read model cannot fill yet (short, or chat timing out): it reads again until it can', async () => {
    // The read model is behind (its projection moving to another chat replica): the first read of
    // the gap (after 2, waiting for 5's token) answers 3 only; the next one has 3 and 4.
    const answers: Array<ChatChannelEvent[] | Error> = [
      [stored(3)],
      new GraphQLError('chat did not answer', { extensions: { code: 'upstream-timeout', status: 504 } }),
      [stored(3), stored(4)],
      [stored(7)],
    ];
    const reads: string[] = [];
    const rest = {
      get: async (context: LiveContext, _module: string, path: string) => {
        reads.push(path);
        if (!context.caller?.consistencyToken) return []; // the replay: nothing after 2 yet
        const answer = answers.shift() ?? [];
        if (answer instanceof Error) throw answer;
        return answer.filter((e) => e.position > Number(new URL(path, 'http://x').searchParams.get('after')));
      },
    } as unknown as Rest;
    async function* feed() {
      for (const domainEvents of [live(5), live(6), live(8)]) yield { domainEvents };
    }
    const context = listening(feed);
    const sent: number[] = [];
    for await (const { channelEvents } of new ChatLiveResolver(rest).channelEvents(context, CHANNEL, 2)) {
      sent.push(channelEvents.position);
    }
    expect(sent).toEqual([3, 4, 5, 6, 7, 8]);
    expect(reads).toEqual([
      `/channels/${CHANNEL}/events?after=2&limit=200`,
      `/channels/${CHANNEL}/events?after=2&limit=200`,
      `/channels/${CHANNEL}/events?after=3&limit=200`,
      `/channels/${CHANNEL}/events?after=3&limit=200`,
      `/channels/${CHANNEL}/events?after=6&limit=200`,
    ]);
  });
});
