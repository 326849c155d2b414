import { Client } from 'pg';
import type { Kafka, TopicMessages } from 'kafkajs';
import { RenewingProducer } from '../producer/renewing-producer';
import { recordFullName } from '../serde/event-contract';
import { AvroSerde } from '../serde/avro-serde';
import { toRecordedEvent } from '../event-store/postgres-event-store';
import { APPENDED_CHANNEL } from '../event-store/schema';
import { kafkaRecord } from './kafka-record';
import { contextOf, recordFailure, SpanKind, startSpan, traceparentOf } from '../tracing';
import type { Span } from '@opentelemetry/api';

export interface RelayOptions {
  /** The service's name: its leadership lock and checkpoint are keyed by it. */
  name: string;
  databaseUrl: string;
  /** The relay makes its own idempotent producers from it (`idempotent: true, maxInFlightRequests: 1`). */
  kafka: Pick<Kafka, 'producer'>;
  serde: AvroSerde;
  /** CloudEvents `ce_source`, e.g. `/school/libraries`. */
  source: string;
  /** Stamped on every record (the `fleet` header) when set: see `fromAnotherFleet`. */
  fleet?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  onBatch?: (published: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Publishes committed events to Kafka, in order, without gaps.
 *
 * The trap: `global_position` is taken at insert, not at commit, so position 11
 * can be visible while 10 is still in flight. So the relay reads only events whose
 * transaction is older than every transaction still running
 * (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`), and orders and
 * checkpoints by (transaction_id, global_position), not by position alone: a
 * later transaction can hold a lower position, and a position-only checkpoint
 * would skip it. Appends take their transaction id at their first write, after
 * reading the stream's version, so per-stream order is preserved.
 *
 * One relay per service publishes at a time: the leader holds a session advisory
 * lock on its own connection, and writes its checkpoint through that same
 * connection, so a relay that lost its session cannot move the checkpoint.
 * Publishing is at-least-once; consumers deduplicate by `ce_id`.
 *
 * A failed send discards the producer, and the batch goes out again from the
 * checkpoint on a new one (RenewingProducer): a relay that kept a producer kafkajs
 * had put out of step with the broker would publish nothing more.
 */
export class Relay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Where publishing stands: read when leadership is won, then kept here (the leader is its only writer). */
  private checkpoint = { tx: '0', position: '0' };
  private readonly producer: RenewingProducer;
  leader = false;

  constructor(private readonly options: RelayOptions) {
    this.producer = new RenewingProducer(options.kafka);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer.disconnect();
  }

  private async run() {
    while (this.running) {
      const client = new Client({ connectionString: this.options.databaseUrl });
      // A lost session means a lost lock: stop calling ourselves leader at once, and let the loop reconnect.
      const lost = () => {
        this.leader = false;
        this.wake?.();
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
        await this.becomeLeader(client);
        if (this.running) await this.publishWhileLeader(client);
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.leader = false;
        await client.end().catch(() => undefined); // ends the session, releasing the lock
      }
      if (this.running) await this.sleep(1000);
    }
  }

  private async becomeLeader(client: Client) {
    while (this.running) {
      const { rows } = await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock(hashtext('eventstore.relay'), hashtext($1)) as locked`,
        [this.options.name],
      );
      if (rows[0].locked) {
        this.leader = true;
        await client.query(`insert into eventstore.relay_checkpoints (name) values ($1) on conflict do nothing`, [
          this.options.name,
        ]);
        const checkpoint = await client.query<{ tx: string; position: string }>(
          `select transaction_id::text as tx, position::text from eventstore.relay_checkpoints where name = $1`,
          [this.options.name],
        );
        this.checkpoint = checkpoint.rows[0];
        return;
      }
      await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  private async publishWhileLeader(client: Client) {
    await client.query(`listen ${APPENDED_CHANNEL}`);
    // A notification during a batch must not be lost: remember it, so the loop goes round instead of sleeping.
    let notified = false;
    client.on('notification', () => {
      notified = true;
      this.wake?.();
    });
    const batchSize = this.options.batchSize ?? 1000;
    while (this.running) {
      notified = false;
      const published = await this.publishBatch(client, batchSize);
      this.options.onBatch?.(published);
      if (published === batchSize || notified) continue;
      // Events held back by an open transaction: look again soon rather than at the next poll.
      if (published === 0 && (await this.heldBack(client))) await this.sleep(20);
      else await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  // The checkpoint goes in as parameters, not through a join with the checkpoint table:
  // only then does the planner walk the (transaction_id, global_position) index from
  // it, instead of scanning the whole history on every wake-up.
  private async publishBatch(client: Client, limit: number): Promise<number> {
    const { rows } = await client.query(
      `select e.*, e.transaction_id::text as tx
         from eventstore.events e
        where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by e.transaction_id, e.global_position
        limit $3`,
      [this.checkpoint.tx, this.checkpoint.position, limit],
    );
    if (rows.length === 0) return 0;

    const byTopic = new Map<string, TopicMessages>();
    const spans: Span[] = [];
    for (const row of rows) {
      const event = toRecordedEvent(row);
      const { value, contract } = await this.options.serde.encode(event.type, event.data);
      // A producer span in the trace of the command that stored the event; consumers continue from it.
      const span = startSpan(`${contract.topic} publish`, SpanKind.PRODUCER, contextOf(event.metadata.traceparent), {
        'messaging.system': 'kafka',
        'messaging.destination.name': contract.topic,
        'messaging.message.id': event.eventId,
      });
      spans.push(span);
      const traceparent = traceparentOf(span) ?? event.metadata.traceparent;
      const record = kafkaRecord(
        { ...event, metadata: { ...event.metadata, traceparent } },
        value,
        recordFullName(contract.schema),
        this.options.source,
        this.options.fleet,
      );
      const batch = byTopic.get(contract.topic) ?? { topic: contract.topic, messages: [] };
      batch.messages.push(record);
      byTopic.set(contract.topic, batch);
    }
    try {
      await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
    } catch (error) {
      for (const span of spans) recordFailure(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }

    const last = rows[rows.length - 1];
    await client.query(
      `update eventstore.relay_checkpoints set transaction_id = $2::xid8, position = $3, updated_at = now() where name = $1`,
      [this.options.name, last.tx, last.global_position],
    );
    this.checkpoint = { tx: last.tx, position: String(last.global_position) };
    return rows.length;
  }

  private async heldBack(client: Client): Promise<boolean> {
    const { rows } = await client.query(
      `select exists (select 1 from eventstore.events e
                       where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)) as pending`,
      [this.checkpoint.tx, this.checkpoint.position],
    );
    return rows[0].pending;
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
