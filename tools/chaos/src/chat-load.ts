import { randomUUID } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { sleep } from './clock';
import { tally } from './invariants';
import type { Verdict } from './invariants';

const OPEN = `mutation ($input: OpenChatConversationInput!) { openChatConversation(input: $input) { id consistencyToken } }`;
const POST = `mutation ($c: ID!, $input: PostChatMessageInput!) { postChatMessage(channelId: $c, input: $input) { messageId } }`;
const EVENTS = `subscription ($c: ID!, $after: Int) { channelEvents(channelId: $c, after: $after) { position type data } }`;

/** How long one post keeps retrying through faults before it counts as unresolved. */
const GIVE_UP_MS = 120_000;

/** One post a client sent, and how it ended after its retries (same Idempotency-Key every time). */
export interface PostRecord {
  key: string;
  channelId: string;
  text: string;
  outcome: 'accepted' | 'refused' | 'unresolved';
  messageId?: string;
  status?: number;
  attempts: number;
}

/** An event as a client received it. */
export interface Received {
  position: number;
  type: string;
  data: string;
}

interface GraphqlAnswer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: Array<{ message: string; extensions?: { status?: number; code?: string } }>;
}

/** A GraphQL call over HTTP with the caller's token (and an Idempotency-Key for a retried write). */
async function graphql(url: string, token: string, query: string, variables: object, key?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as GraphqlAnswer };
}

/**
 * A chat user as a careful app is: subscribed to its channel over graphql-ws on one gateway
 * replica, and when the socket drops (its replica died) subscribed again, on whichever replica
 * answers, with the last position it saw. It posts now and then, each post with an Idempotency-Key
 * and retried through faults until it gets an answer. Everything it received is kept, in order.
 */
export class ChatClient {
  readonly received: Received[] = [];
  readonly posts: PostRecord[] = [];
  /** Subscriptions opened (1 + reconnects). */
  subscriptions = 0;
  errors: string[] = [];
  private client?: Client;
  private stopped = false;
  private lastSeen = 0;

  constructor(
    readonly name: string,
    readonly userId: string,
    readonly token: string,
    readonly channelId: string,
    /** The gateway replicas that run now; the client starts on `home` and moves on when it drops. */
    private readonly gateways: () => string[],
    private readonly home: number,
    /** The position a reconnect resumes after: the last one seen (the sabotage knob of the check's own test). */
    private readonly resumeAfter: (lastSeen: number) => number = (lastSeen) => lastSeen,
  ) {}

  get position(): number {
    return this.lastSeen;
  }

  /** Subscribes, and keeps subscribing again whenever the subscription ends, until `stop`. */
  listen(): void {
    void this.subscribeLoop();
  }

  private async subscribeLoop() {
    for (let attempt = 0; !this.stopped; attempt++) {
      const gateways = this.gateways();
      const url = gateways[(this.home + attempt) % gateways.length];
      await this.subscribeOnce(url);
      if (!this.stopped) await sleep(200);
    }
  }

  private subscribeOnce(url: string): Promise<void> {
    this.subscriptions++;
    const client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: true,
    });
    this.client = client;
    return new Promise((resolve) => {
      const end = (why?: string) => {
        if (why && !this.stopped && this.errors.length < 20) this.errors.push(why);
        void client.dispose();
        resolve();
      };
      client.subscribe<{ channelEvents: Received }>(
        { query: EVENTS, variables: { c: this.channelId, after: this.resumeAfter(this.lastSeen) } },
        {
          next: ({ data, errors }) => {
            if (errors?.length) return end(JSON.stringify(errors));
            if (!data) return;
            this.received.push(data.channelEvents);
            this.lastSeen = Math.max(this.lastSeen, data.channelEvents.position);
          },
          error: (error) => end(error instanceof Error ? error.message : `socket closed (${describe(error)})`),
          complete: () => end('completed'),
        },
      );
    });
  }

  /** Posts one message and retries it (same key) until a 2xx or a refusal, or the give-up time. */
  async post(text: string): Promise<PostRecord> {
    const record: PostRecord = {
      key: randomUUID(),
      channelId: this.channelId,
      text,
      outcome: 'unresolved',
      attempts: 0,
    };
    this.posts.push(record);
    const giveUpAt = performance.now() + GIVE_UP_MS;
    while (performance.now() < giveUpAt) {
      const gateways = this.gateways();
      const url = gateways[(this.home + record.attempts) % gateways.length];
      record.attempts++;
      try {
        const { status, body } = await graphql(
          url,
          this.token,
          POST,
          { c: this.channelId, input: { text } },
          record.key,
        );
        const failure = body.errors?.[0]?.extensions;
        record.status = failure?.status ?? status;
        if (status === 200 && body.data?.postChatMessage) {
          record.outcome = 'accepted';
          record.messageId = String(body.data.postChatMessage.messageId);
          return record;
        }
        // A refusal is final; an outage (5xx, 429, no upstream) is worth another try.
        const code = record.status ?? 500;
        if (code >= 400 && code < 500 && code !== 429) {
          record.outcome = 'refused';
          return record;
        }
      } catch {
        // no answer: the post may or may not have happened; the key makes the retry safe
      }
      await sleep(250);
    }
    return record;
  }

  /** Posts every `everyMs` (jittered) while `running()`; finishes the post in flight. */
  async chat(running: () => boolean, everyMs: number): Promise<void> {
    for (let n = 1; running(); n++) {
      await this.post(`${this.name} #${n}: <b>hello</b> & "quotes"`);
      await sleep(everyMs * (0.5 + Math.random()));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.dispose();
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return `code ${String((error as { code: unknown }).code)}`;
  return String(error);
}

/** Opens a group conversation of `members` (the opener first) through the gateway: its id. */
export async function openConversation(gateway: string, token: string, members: string[]): Promise<string> {
  const { body } = await graphql(gateway, token, OPEN, { input: { members } });
  const opened = body.data?.openChatConversation;
  if (!opened) throw new Error(`openChatConversation: ${JSON.stringify(body)}`);
  return String(opened.id);
}

/** A stored event of a channel stream, as the check reads it from the event store. */
export interface StoredChatEvent {
  channelId: string;
  position: number;
  type: string;
  messageId?: string;
}

/**
 * The promise: every client ends with exactly the events of its channel, positions 1..end, each
 * once and in order, and so exactly the messages that were accepted, in the store's order.
 */
export function checkChat(
  clients: ReadonlyArray<Pick<ChatClient, 'name' | 'channelId' | 'received' | 'posts'>>,
  stored: readonly StoredChatEvent[],
): Verdict {
  const posts = clients.flatMap((c) => c.posts);
  // The tally counts outcomes the same way for posts as for Libraries' commands; `republished` stays 0.
  const counts = tally(posts);
  const find = (count: 'lost' | 'duplicated' | 'leftovers' | 'outOfOrder' | 'violations', line: string) => {
    counts[count]++;
    if (counts.findings.length < 20) counts.findings.push(`${count}: ${line}`);
  };

  // The store: each accepted post once; nothing else.
  const sentMessages = new Map<string, number>();
  for (const event of stored.filter((e) => e.type === 'MessageSent' && e.messageId)) {
    sentMessages.set(event.messageId as string, (sentMessages.get(event.messageId as string) ?? 0) + 1);
  }
  const accepted = new Set(posts.filter((p) => p.outcome === 'accepted').map((p) => p.messageId as string));
  for (const post of posts.filter((p) => p.outcome === 'accepted')) {
    const times = sentMessages.get(post.messageId as string) ?? 0;
    if (times === 0) find('lost', `accepted post ${post.messageId} ("${post.text}") is not in the store`);
    if (times > 1) find('duplicated', `post ${post.messageId} stored ${times} times`);
  }
  for (const messageId of sentMessages.keys()) {
    if (!accepted.has(messageId)) find('leftovers', `message ${messageId} stored, never accepted`);
  }

  // Each client: positions 1..end of its channel, once, in order, the same messages at each.
  const byChannel = new Map<string, StoredChatEvent[]>();
  for (const event of stored) byChannel.set(event.channelId, [...(byChannel.get(event.channelId) ?? []), event]);
  for (const client of clients) {
    const channel = (byChannel.get(client.channelId) ?? []).sort((a, b) => a.position - b.position);
    const seen = new Map<number, number>();
    let last = 0;
    for (const event of client.received) {
      seen.set(event.position, (seen.get(event.position) ?? 0) + 1);
      if (seen.get(event.position) === 2)
        find('duplicated', `${client.name} received position ${event.position} again`);
      else if (event.position < last) find('outOfOrder', `${client.name} received ${event.position} after ${last}`);
      last = Math.max(last, event.position);
    }
    for (const event of channel) {
      if (!seen.has(event.position)) {
        find('lost', `${client.name} never received position ${event.position} (${event.type}) of ${client.channelId}`);
      }
    }
    const messagesReceived = client.received
      .filter((e) => e.type === 'MessageSent')
      .map((e) => String((JSON.parse(e.data) as { messageId: string }).messageId));
    const messagesStored = channel.filter((e) => e.type === 'MessageSent').map((e) => e.messageId as string);
    const unique = [...new Set(messagesReceived)];
    if (unique.length === messagesStored.length && unique.some((id, i) => id !== messagesStored[i])) {
      find('violations', `${client.name}'s messages are not the channel's, in its order`);
    }
  }
  return counts;
}
