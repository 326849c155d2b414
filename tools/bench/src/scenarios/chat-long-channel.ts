import { randomUUID } from 'node:crypto';
import { callService, startSeparateService } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { LatencyRecorder, seconds } from '../measure';
import type { Row, ScenarioResult } from '../report';

/** Posts per band whose latencies are compared (the channel's first ones and its last ones): 100, fewer in a short run. */
const bandOf = (posts: number) => Math.min(100, Math.floor(posts / 3));

/**
 * Scenario 11 (issue 18): does a post cost more as its channel grows? One member posts
 * `chatLongPosts` messages into one channel, one after another, straight to chat's REST API,
 * first with the fold cache off (`CHAT_CACHED_CHANNELS=0`: every post reads and folds the whole
 * channel, as before ADR 0077), then on (the default: a post reads only the events since the last).
 */
export async function chatLongChannelScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const posts = ctx.sizes.chatLongPosts;
  const BAND = bandOf(posts);
  const rows: Row[] = [];
  const notes: string[] = [];
  const ratios: Record<string, number> = {};
  for (const [label, cached] of [
    ['cache off', '0'],
    ['cache on', '500'],
  ] as const) {
    const chat = await startSeparateService('services/business/chat', ctx.issuer, {
      env: { CHAT_POSTS_PER_MINUTE: '100000', CHAT_CACHED_CHANNELS: cached, LOG_LEVEL: 'warn' },
    });
    try {
      const token = await ctx.issuer.mint({ tenant: `l${ctx.run}`, userId: randomUUID(), roles: ['employee'] });
      const created = await callService(chat.url, 'POST', '/channels', {
        token,
        body: { kind: 'public', name: 'long' },
      });
      if (created.status !== 201) throw new Error(`channel: ${created.status}`);
      const channelId = String(created.body.channelId);
      const first = new LatencyRecorder();
      const last = new LatencyRecorder();
      ctx.log(`  ${label}: ${posts} posts into one channel, one after another`);
      for (let n = 1; n <= posts; n++) {
        const at = performance.now();
        const reply = await callService(chat.url, 'POST', `/channels/${channelId}/messages`, {
          token,
          body: { text: `post ${n}` },
        });
        if (reply.status !== 201) throw new Error(`post ${n}: ${reply.status} ${JSON.stringify(reply.body)}`);
        const ms = performance.now() - at;
        if (n <= BAND) first.recordMs(ms);
        if (n > posts - BAND) last.recordMs(ms);
      }
      const [early, late] = [first.latency(), last.latency()];
      ctx.log(`    -> posts 1-${BAND}: p50 ${early.p50} ms; posts ${posts - BAND + 1}-${posts}: p50 ${late.p50} ms`);
      ratios[label] = late.p50 / early.p50;
      rows.push(
        {
          scenario: 'chat-long-channel',
          case: `${label}, posts 1-${BAND}`,
          value: early.p50,
          unit: 'ms (p50)',
          latency: early,
        },
        {
          scenario: 'chat-long-channel',
          case: `${label}, posts ${posts - BAND + 1}-${posts}`,
          value: late.p50,
          unit: 'ms (p50)',
          latency: late,
        },
      );
    } finally {
      await chat.stop();
    }
  }
  notes.push(
    `The last ${BAND} posts' median over the first ${BAND}'s: ${ratios['cache off'].toFixed(2)}x with the cache off, ${ratios['cache on'].toFixed(2)}x with it on.`,
  );
  return {
    id: 'chat-long-channel',
    title: `11. Chat: post latency as a channel grows to ${posts} messages, fold cache off and on (ADR 0077)`,
    rows,
    notes,
    targets: [
      {
        target:
          'chat: a post on a long channel costs about what it costs on a new one (cache on: last/first median < 1.5)',
        actual: `${ratios['cache on'].toFixed(2)}x`,
        met: ratios['cache on'] < 1.5,
      },
    ],
    seconds: seconds(started),
  };
}
