import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { identity } from '@hexfleet/schemas';
import { callService, OutboxStandIn, startSeparateService } from '@hexfleet/testing';
import type { SeparateService } from '@hexfleet/testing';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { BenchContext } from '../context';
import { LatencyRecorder, round, seconds, sleep } from '../measure';
import type { Row, ScenarioResult, TargetCheck } from '../report';

/** The issue's bound on post-to-delivery at every client. */
const TARGET_P99_MS = 150;
const POST = `mutation ($c: ID!, $input: PostChatMessageInput!) { postChatMessage(channelId: $c, input: $input) { messageId } }`;
const EVENTS = `subscription ($c: ID!, $after: Int) { channelEvents(channelId: $c, after: $after) { position type data } }`;

interface Member {
  userId: string;
  token: string;
  channel: number;
}

/** Resident set size of a process, in bytes (Linux). */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/**
 * Scenario 10 (issue 18): live chat. `chatClients` WebSocket clients (graphql-ws) in `chatChannels`
 * private channels, each subscribed to `channelEvents` on a gateway replica; `chatRates` posts a
 * second (open loop) by random members through the gateways. Measured: from the start of each post
 * to its arrival at every member (post-to-delivery, every client counted), the post's own latency,
 * and the gateways' resident memory per connection. Once with one gateway replica, once with two.
 * Every delivery is counted: a message missing at a client, or arriving twice, fails the scenario.
 */
export async function chatLiveScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { chatClients: clients, chatChannels: channels, chatRates: rates, chatSeconds: loadSeconds } = ctx.sizes;
  const { log } = ctx;
  const tenant = `c${ctx.run}`;
  const chat = await startSeparateService('services/business/chat', ctx.issuer, {
    env: { CHAT_POSTS_PER_MINUTE: '100000', LOG_LEVEL: 'warn' },
  });
  const people = await OutboxStandIn.start('identity', '/shared/identity', identity.contracts);
  const gateways: SeparateService[] = [];
  try {
    // The people, in chat's directory (a member is added only when the directory knows them).
    const members: Member[] = [];
    for (let i = 0; i < clients; i++) {
      const userId = randomUUID();
      members.push({
        userId,
        channel: i % channels,
        token: await ctx.issuer.mint({ tenant, userId, roles: ['employee'], expiresInSeconds: 7200 }),
      });
      await people.record(
        tenant,
        'user',
        userId,
        identity.userRegistered({
          userId,
          product: 'business',
          email: `u${i}@example.com`,
          displayName: `User ${i}`,
          registeredVia: 'invitation',
          employeeId: null,
          registeredAt: new Date().toISOString(),
        }),
      );
    }
    await people.publish();
    log(`  ${clients} users registered; creating ${channels} private channels and adding their members`);
    const channelIds: string[] = [];
    const ends: number[] = [];
    await Promise.all(
      Array.from({ length: channels }, async (_, c) => {
        const mine = members.filter((m) => m.channel === c);
        const created = await callService(chat.url, 'POST', '/channels', {
          token: mine[0].token,
          body: { kind: 'private', name: `bench-${c}` },
        });
        if (created.status !== 201) throw new Error(`channel: ${created.status} ${JSON.stringify(created.body)}`);
        const channelId = String(created.body.channelId);
        channelIds[c] = channelId;
        for (const member of mine.slice(1)) {
          // Until the directory has the user: 422 unknown-user, tried again.
          for (let attempt = 0; ; attempt++) {
            const added = await callService(chat.url, 'POST', `/channels/${channelId}/members`, {
              token: mine[0].token,
              body: { userId: member.userId },
            });
            if (added.status < 300) break;
            if (attempt > 300) throw new Error(`add member: ${added.status} ${JSON.stringify(added.body)}`);
            await sleep(200);
          }
        }
      }),
    );
    // Where each channel ends now: a subscriber replays up to there first.
    const endOf = async (c: number) => {
      const owner = members.find((m) => m.channel === c) as Member;
      for (;;) {
        const events = await callService(chat.url, 'GET', `/channels/${channelIds[c]}/events?after=0&limit=200`, {
          token: owner.token,
        });
        const list = (Array.isArray(events.body) ? events.body : (events.body.items as unknown[])) as Array<{
          position: number;
        }>;
        const end = list?.at(-1)?.position ?? 0;
        if (events.status === 200 && end >= channelsSize(c)) return end;
        if (events.status !== 200) throw new Error(`channel events: ${events.status} ${JSON.stringify(events.body)}`);
        await sleep(200);
      }
    };
    const channelsSize = (c: number) => members.filter((m) => m.channel === c).length + 1;
    for (let c = 0; c < channels; c++) ends[c] = await endOf(c);

    const rows: Row[] = [];
    const notes: string[] = [];
    const targets: TargetCheck[] = [];
    for (const replicas of [1, 2]) {
      while (gateways.length < replicas) {
        gateways.push(
          await startSeparateService('gateway', ctx.issuer, {
            database: false,
            env: { CHAT_URL: chat.url, RATE_LIMIT_PER_MINUTE: '1000000000', LOG_LEVEL: 'warn' },
          }),
        );
      }
      for (const rate of rates) {
        const label = `${replicas} gateway${replicas > 1 ? 's' : ''}, ${rate} posts/s`;
        log(`  ${label}: ${clients} clients subscribe`);
        const rssBefore = gateways.map((g) => rss(g.pid));
        const run = await measure(ctx, {
          gateways: gateways.map((g) => g.url),
          pids: gateways.map((g) => g.pid),
          members,
          channelIds,
          ends,
          rate,
          loadSeconds,
          tag: `r${replicas}x${rate}`,
        });
        const perConnection = round(
          run.rssConnected.reduce((n, bytes, g) => n + bytes - rssBefore[g], 0) / clients / 1024,
          1,
        );
        log(
          `    -> ${run.accepted} posts (${run.postsPerSecond}/s), ${run.delivered} deliveries; post-to-delivery p50 ${run.latency.p50} ms, p95 ${run.latency.p95} ms, p99 ${run.latency.p99} ms (the post itself p50 ${run.postLatency.p50}, p99 ${run.postLatency.p99} ms); ` +
            `${perConnection} KiB per connection; lost ${run.lost}, duplicated ${run.duplicated}, ${run.resubscribed} resubscriptions`,
        );
        rows.push({
          scenario: 'chat-live',
          case: `${label}, ${clients} clients`,
          value: run.deliveriesPerSecond,
          unit: 'deliveries/s',
          latency: run.latency,
          errors: run.failedPosts + run.lost + run.duplicated,
          reference: {
            label: `the post itself (${run.postsPerSecond} posts/s offered ${rate}/s)`,
            latency: run.postLatency,
          },
        });
        notes.push(
          `${label}: ${run.accepted} posts accepted of ${run.sent} (${run.failedPosts} failed), ${run.delivered} deliveries of ${run.expected} expected ` +
            `(lost ${run.lost}, duplicated ${run.duplicated}); gateway RSS ${rssBefore.map((b) => `${round(b / 2 ** 20, 1)}`).join('+')} MiB before the clients, ` +
            `${run.rssConnected.map((b) => `${round(b / 2 ** 20, 1)}`).join('+')} MiB with them: ${perConnection} KiB per connection; ${run.resubscribed} subscriptions ended by the gateway and opened again.`,
        );
        targets.push(
          {
            target: `chat, ${label}: post-to-delivery p99 < ${TARGET_P99_MS} ms`,
            actual: `${run.latency.p99} ms`,
            met: run.latency.p99 < TARGET_P99_MS,
          },
          {
            target: `chat, ${label}: every accepted message at every member, once`,
            actual: `lost ${run.lost}, duplicated ${run.duplicated}`,
            met: run.lost + run.duplicated === 0,
          },
        );
        if (run.lost + run.duplicated > 0)
          throw new Error(`${label}: ${run.lost} deliveries lost, ${run.duplicated} duplicated`);
        for (let c = 0; c < channels; c++) ends[c] = run.ends[c];
      }
    }
    return {
      id: 'chat-live',
      title: `10. Chat: ${clients} WebSocket clients in ${channels} channels, ${rates.join(' and ')} posts/s, post-to-delivery at every client, one and two gateway replicas`,
      rows,
      notes: [
        `Each client is a graphql-ws connection subscribed to channelEvents; posts are GraphQL mutations through the gateways (open loop, ${rates.join(' then ')}/s for ${loadSeconds} s each, random members; the clients reconnect for each rate). One chat replica; chat and the gateways are built processes at LOG_LEVEL=warn; the clients run in the bench process.`,
        ...notes,
      ],
      targets,
      seconds: seconds(started),
    };
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await people.close();
    await chat.stop();
  }
}

interface Measured {
  sent: number;
  accepted: number;
  failedPosts: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  latency: ReturnType<LatencyRecorder['latency']>;
  postLatency: ReturnType<LatencyRecorder['latency']>;
  postsPerSecond: number;
  deliveriesPerSecond: number;
  rssConnected: number[];
  ends: number[];
  /** Subscriptions opened again after the gateway ended them. */
  resubscribed: number;
}

async function measure(
  ctx: BenchContext,
  input: {
    gateways: string[];
    pids: number[];
    members: Member[];
    channelIds: string[];
    ends: number[];
    rate: number;
    loadSeconds: number;
    tag: string;
  },
): Promise<Measured> {
  const { gateways, members, channelIds, rate, loadSeconds, tag } = input;
  const ends = [...input.ends];
  const sentAt = new Map<number, number>();
  const seen = new Map<string, number>();
  const delivery = new LatencyRecorder();
  const postLatency = new LatencyRecorder();
  const sockets: Client[] = [];
  const positions = members.map((m) => ends[m.channel]);
  let subscribed = 0;
  let resubscribed = 0;
  let stopped = false;
  try {
    await Promise.all(
      members.map(
        (member, i) =>
          new Promise<void>((resolve, reject) => {
            const client = createClient({
              url: gateways[i % gateways.length].replace(/^http/, 'ws') + '/graphql',
              webSocketImpl: WebSocket,
              connectionParams: { authorization: `Bearer ${member.token}` },
              retryAttempts: 0,
            });
            sockets.push(client);
            let ready = false;
            // As an app does: a subscription that ends (the gateway gave up on a gap the read model
            // could not fill in time, an upstream timeout) is opened again after the last position seen.
            const listen = (after: number) =>
              client.subscribe<{ channelEvents: { position: number; type: string; data: string } }>(
                { query: EVENTS, variables: { c: channelIds[member.channel], after } },
                {
                  next: ({ data }) => {
                    const event = data?.channelEvents;
                    if (!event) return;
                    positions[i] = Math.max(positions[i], event.position);
                    if (event.type !== 'MessageSent') return;
                    const text = String((JSON.parse(event.data) as { text: string }).text);
                    const match = new RegExp(`^${tag} (\\d+)$`).exec(text);
                    if (!match) return;
                    const seq = Number(match[1]);
                    const key = `${i}/${seq}`;
                    seen.set(key, (seen.get(key) ?? 0) + 1);
                    const at = sentAt.get(seq);
                    if (at !== undefined && seen.get(key) === 1) delivery.recordMs(performance.now() - at);
                  },
                  error: (error) => {
                    if (!ready)
                      return reject(
                        error instanceof Error ? error : new Error(`subscription closed: ${JSON.stringify(error)}`),
                      );
                    if (stopped) return;
                    resubscribed++;
                    setTimeout(() => listen(positions[i]), 1_000); // backing off, as an app does
                  },
                  complete: () => undefined,
                },
              );
            listen(ends[member.channel]);
            // graphql-ws says nothing when a subscription starts: opened is close enough once connected.
            client.on('connected', () => {
              if (!ready) {
                ready = true;
                subscribed++;
                resolve();
              }
            });
          }),
      ),
    );
    // The subscription replays nothing (after = the end) and is listening once the socket is up; a
    // second lets the gateways' resolvers reach their live feed before the first post.
    await sleep(2_000);
    // Memory with every connection open and subscribed, before the load.
    const rssConnected = input.pids.map(rss);
    ctx.log(`    ${subscribed} connected; ${rate} posts/s for ${loadSeconds} s`);
    let sent = 0;
    let accepted = 0;
    let failedPosts = 0;
    const acceptedSeqs: Array<{ seq: number; channel: number }> = [];
    const inFlight: Array<Promise<void>> = [];
    const begin = performance.now();
    const total = Math.round(rate * loadSeconds);
    for (let seq = 0; seq < total; seq++) {
      const due = begin + (seq * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const member = members[Math.floor(Math.random() * members.length)];
      sent++;
      const at = performance.now();
      sentAt.set(seq, at);
      inFlight.push(
        fetch(`${gateways[seq % gateways.length]}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
          body: JSON.stringify({
            query: POST,
            variables: { c: channelIds[member.channel], input: { text: `${tag} ${seq}` } },
          }),
        })
          .then(async (response) => {
            const body = (await response.json()) as { data?: { postChatMessage?: unknown } };
            if (!body.data?.postChatMessage) throw new Error(JSON.stringify(body).slice(0, 200));
            postLatency.recordMs(performance.now() - at);
            accepted++;
            acceptedSeqs.push({ seq, channel: member.channel });
          })
          .catch((error: Error) => {
            failedPosts++;
            if (failedPosts <= 3) ctx.log(`    post failed: ${error.message}`);
          }),
      );
    }
    await Promise.all(inFlight);
    const postingSeconds = (performance.now() - begin) / 1000;
    const expectedKeys = acceptedSeqs.flatMap(({ seq, channel }) =>
      members.flatMap((m, i) => (m.channel === channel ? [`${i}/${seq}`] : [])),
    );
    // Under overload deliveries trail the posts by many seconds: wait while they still come, and count
    // as lost what has not come 30 s after the last one did (or 3 minutes after the posts).
    let lastProgress = performance.now();
    let count = seen.size;
    const giveUp = performance.now() + 180_000;
    while (
      performance.now() - lastProgress < 30_000 &&
      performance.now() < giveUp &&
      expectedKeys.some((k) => !seen.has(k))
    ) {
      await sleep(200);
      if (seen.size > count) [count, lastProgress] = [seen.size, performance.now()];
    }
    const deliveredSeconds = (performance.now() - begin) / 1000;
    const lost = expectedKeys.filter((k) => !seen.has(k)).length;
    const duplicated = [...seen.values()].reduce((n, count) => n + count - 1, 0);
    for (const [i, member] of members.entries()) ends[member.channel] = Math.max(ends[member.channel], positions[i]);
    return {
      sent,
      accepted,
      failedPosts,
      expected: expectedKeys.length,
      delivered: expectedKeys.length - lost,
      lost,
      duplicated,
      latency: delivery.latency(),
      postLatency: postLatency.latency(),
      postsPerSecond: round(accepted / postingSeconds),
      deliveriesPerSecond: round((expectedKeys.length - lost) / deliveredSeconds),
      rssConnected,
      ends,
      resubscribed,
    };
  } finally {
    stopped = true;
    await Promise.all(sockets.map((s) => s.dispose()));
  }
}
