import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import type { DevIssuer } from '@hexfleet/testing';
import { ChatClient, checkChat, openConversation } from './chat-load';
import type { StoredChatEvent } from './chat-load';
import type { ChaosStack } from './chaos-stack';
import { sleep, waitFor } from './clock';
import type { ScenarioResult } from './run';
import type { Scenario } from './scenarios';
import { RoundRobin } from './round-robin';
import { ServiceProcess } from './service-process';

const CHAT = 'services/business/chat';

/** How much chat a run makes: quick (npm test's size) or full. */
const SIZES = {
  quick: { channels: 2, membersPerChannel: 4, postEveryMs: 400, beforeMs: 4_000, afterMs: 4_000 },
  full: { channels: 3, membersPerChannel: 6, postEveryMs: 300, beforeMs: 10_000, afterMs: 10_000 },
};

/**
 * Chat as deployed twice over: two chat replicas behind a round-robin balancer (a Service), two
 * gateway replicas in front, each reading Kafka for its live feed. Clients, half on each gateway,
 * subscribe to their channel and post through both; the scenario kills replicas mid-run; every
 * client must end with every event of its channel once, in order, so exactly the accepted messages.
 */
export async function runChatScenario(
  scenario: Scenario,
  ctx: { stack: ChaosStack; issuer: DevIssuer; quick: boolean; log(line: string): void },
): Promise<ScenarioResult> {
  const { stack, issuer, quick, log } = ctx;
  const size = quick ? SIZES.quick : SIZES.full;
  const logDir = path.join(stack.dir, 'logs');
  const common = {
    KAFKA_BROKERS: stack.brokers,
    SCHEMA_REGISTRY_URL: stack.registryUrl,
    JWKS_JSON: issuer.jwksJson,
    LOG_LEVEL: 'warn',
    CONSUMER_SESSION_TIMEOUT_MS: '10000',
  };
  const chatEnv = {
    ...common,
    DATABASE_URL: await stack.createDatabase('chat'),
    // The per-user flood guard (ADR 0059) is not what this run is about.
    CHAT_POSTS_PER_MINUTE: '100000',
  };
  const chats = [
    await ServiceProcess.create('chat-1', CHAT, chatEnv, logDir),
    await ServiceProcess.create('chat-2', CHAT, chatEnv, logDir),
  ];
  const balancer = await RoundRobin.start(() => chats.map((c) => c.url));
  const gatewayEnv = { ...common, CHAT_URL: balancer.url, RATE_LIMIT_PER_MINUTE: '1000000' };
  const gateways = [
    await ServiceProcess.create('gateway-1', 'gateway', gatewayEnv, logDir),
    await ServiceProcess.create('gateway-2', 'gateway', gatewayEnv, logDir),
  ];
  const all = [...chats, ...gateways];
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    fault: '',
    verdict: checkChat([], []),
    readyMs: 0,
    drainedMs: 0,
  };
  const tenant = `chaos${randomBytes(4).toString('hex')}`;
  log(`\n${scenario.id}: ${scenario.title} (tenant ${tenant})`);
  const clients: ChatClient[] = [];
  try {
    await Promise.all(chats.map((c) => c.startAndWait()));
    await Promise.all(gateways.map((g) => g.startAndWait()));
    const running = () => gateways.filter((g) => g.running).map((g) => g.url);
    for (let c = 0; c < size.channels; c++) {
      const members = Array.from({ length: size.membersPerChannel }, () => randomUUID());
      const tokens = await Promise.all(
        members.map((userId) => issuer.mint({ tenant, userId, roles: ['employee'], expiresInSeconds: 3600 })),
      );
      const channelId = await openConversation(gateways[0].url, tokens[0], members.slice(1));
      members.forEach((userId, m) =>
        clients.push(new ChatClient(`c${c}m${m}`, userId, tokens[m], channelId, running, clients.length % 2)),
      );
    }
    for (const client of clients) client.listen();
    // The conversation (created, its members) is every client's first few positions.
    await waitFor(
      'every client has its conversation',
      async () => clients.every((c) => c.position >= 1 + size.membersPerChannel),
      60_000,
    );
    let chatting = true;
    const load = Promise.all(clients.map((c) => c.chat(() => chatting, size.postEveryMs)));
    await sleep(size.beforeMs);
    log(`  fault at ${clients.reduce((n, c) => n + c.posts.length, 0)} posts sent`);
    result.fault = await scenario.inject({
      stack,
      replicas: all,
      addReplica: () => Promise.reject(new Error('no')),
      quick,
      log,
    });
    const faultEnded = performance.now();
    await waitFor('every replica ready', async () => (await Promise.all(all.map(ready))).every(Boolean), 180_000);
    result.readyMs = performance.now() - faultEnded;
    await sleep(size.afterMs);
    chatting = false;
    await load;
    const loadEnded = performance.now();
    const ends = async () => {
      const stored = await storedEvents(chatEnv.DATABASE_URL, tenant);
      const end = new Map<string, number>();
      for (const e of stored) end.set(e.channelId, Math.max(end.get(e.channelId) ?? 0, e.position));
      return clients.every((c) => c.position >= (end.get(c.channelId) ?? 0));
    };
    await waitFor('every client at its channel end', ends, 120_000, 500).catch((error: Error) =>
      log(`    ${error.message}`),
    );
    result.drainedMs = performance.now() - loadEnded;
    await sleep(1_000); // anything arriving now would be a duplicate
    result.verdict = checkChat(clients, await storedEvents(chatEnv.DATABASE_URL, tenant));
    const reconnects = clients.reduce((n, c) => n + c.subscriptions - 1, 0);
    const messages = clients.reduce((n, c) => n + c.received.filter((e) => e.type === 'MessageSent').length, 0);
    result.fault += `; ${clients.length} clients, ${reconnects} resubscriptions, ${messages} messages received in all`;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    for (const replica of all) result.error += `\n${replica.name}:\n${replica.tail(30)}`;
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    for (const replica of all) await replica.kill('SIGTERM');
    await balancer.stop();
  }
  return result;
}

async function ready(replica: ServiceProcess): Promise<boolean> {
  return fetch(`${replica.url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.ok,
    () => false,
  );
}

/** The tenant's channel streams in the event store: the truth the clients are checked against. */
async function storedEvents(databaseUrl: string, tenant: string): Promise<StoredChatEvent[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{
      stream_id: string;
      stream_version: number;
      event_type: string;
      message_id: string | null;
    }>(
      `select stream_id, stream_version, event_type, payload->>'messageId' as message_id
         from eventstore.events where tenant = $1 and stream_id like $2 order by stream_id, stream_version`,
      [tenant, `${tenant}/channel/%`],
    );
    return rows.map((r) => ({
      channelId: r.stream_id.slice(r.stream_id.lastIndexOf('/') + 1),
      position: Number(r.stream_version),
      type: r.event_type.slice(r.event_type.lastIndexOf('.') + 1),
      messageId: r.message_id ?? undefined,
    }));
  } finally {
    await db.end();
  }
}
