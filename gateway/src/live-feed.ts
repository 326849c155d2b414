import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { Counter, Registry } from 'prom-client';
import { AvroSerde, decodeRecord } from '@hexfleet/eventing';
import { isPublicTopic, TOPIC_CATALOG } from '@hexfleet/schemas';
import type { ModuleName } from './config';

/** One event as subscribers receive it: CloudEvents attributes and the payload as JSON. */
export interface LiveEvent {
  id: string;
  type: string;
  topic: string;
  subject: string;
  time: string;
  /** The Avro payload as a JSON document (bytes as base64). */
  data: string;
  /** The stream the event belongs to and its place in it: what a consistency token names (not published). */
  streamId: string;
  streamVersion: number;
}

/**
 * The public topics of the modules this gateway fronts: the catalog's internal ones (secrets,
 * bookkeeping; docs/adr/0035-public-and-internal-topics.md) are never read, so never reach a subscriber.
 */
export function liveTopics(modules: readonly ModuleName[]): string[] {
  return TOPIC_CATALOG.filter((t) => isPublicTopic(t) && modules.includes(t.owner as ModuleName)).map((t) => t.name);
}

export type Publish = (tenant: string, event: LiveEvent) => Promise<void>;

const json = (data: unknown) =>
  JSON.stringify(data, (_key, value: unknown) =>
    Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? value.toString() : value,
  );

/**
 * Kafka to GraphQL subscriptions. Every gateway instance reads every public
 * topic (`liveTopics`) in a consumer group of its own (broadcast, not shared work), from the
 * end, committing nothing: a subscription shows what happens from now on, and
 * the read models are the place for history. Each event goes only to
 * subscribers of its tenant (the record's tenant header).
 */
export class LiveFeed {
  private consumer?: Consumer;
  private joined = false;
  private readonly delivered: Counter<'topic'>;

  constructor(
    private readonly options: { brokers: string[]; registryUrl: string; topics: string[] },
    private readonly logger: Logger,
    metrics: Registry,
  ) {
    this.delivered = new Counter({
      name: 'gateway_live_events_total',
      help: 'Events read from Kafka and handed to subscriptions, by topic',
      labelNames: ['topic'],
      registers: [metrics],
    });
  }

  get ready(): boolean {
    return this.joined || this.options.topics.length === 0;
  }

  /** Starts in the background: the gateway serves queries while the group forms; readiness waits for it. */
  start(publish: Publish): void {
    if (this.options.topics.length === 0) return;
    void this.run(publish).catch((error: unknown) => this.logger.error({ err: error }, 'live feed stopped'));
  }

  private async run(publish: Publish) {
    const kafka = new Kafka({ clientId: 'gateway-live', brokers: this.options.brokers, logLevel: logLevel.NOTHING });
    const serde = AvroSerde.forUrl(this.options.registryUrl, []);
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Topics are created by the services that own them; the gateway may start first.
      for (;;) {
        const existing = new Set(await admin.listTopics());
        const missing = this.options.topics.filter((t) => !existing.has(t));
        if (!missing.length) break;
        this.logger.debug({ missing }, 'live feed waiting for topics');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({
      groupId: `gateway-live-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // A fetch returns as soon as a record arrives; this bounds only how often an idle feed asks.
      maxWaitTimeInMs: 1_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.logger.info({ topics: this.options.topics.length }, 'live feed joined');
    });
    consumer.on(consumer.events.CRASH, () => (this.joined = false));
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        try {
          const event = await decodeRecord(serde, topic, partition, message);
          await publish(event.tenant, {
            id: event.eventId,
            type: event.recordName,
            topic,
            subject: event.aggregateId,
            time: String(message.headers?.ce_time ?? new Date(Number(message.timestamp)).toISOString()),
            data: json(event.data),
            streamId: event.streamId,
            streamVersion: event.streamVersion,
          });
          this.delivered.inc({ topic });
        } catch (error) {
          // A live view skips what it cannot read; the services' own consumers dead-letter it.
          this.logger.warn({ err: error, topic, offset: message.offset }, 'live feed skipped a record');
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
