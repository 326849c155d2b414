import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { RenewingProducer } from '../producer/renewing-producer';
import type { Pool } from 'pg';
import { ConsumedEvent, decodeRecord, fromAnotherFleet, PoisonRecordError } from '../consumer/consumed-event';
import { joinConsumerGroup } from '../consumer/consumer-group';
import { sendToDeadLetters } from '../consumer/dead-letters';
import { attempt, Attempted } from '../consumer/retry';
import type { AvroSerde } from '../serde/avro-serde';
import type { ClusterPolicy } from '../topics/topic-catalog';
import type { Projection } from './projection';
import { projectionGroup } from './projection';
import { ProjectionApplier } from './projection-applier';
import { migrateSharedTables } from './tenant-schemas';

export interface ProjectionRunnerOptions {
  projection: Projection;
  kafka: Kafka;
  pool: Pool;
  serde: AvroSerde;
  /** Attempts for a failing handler before its event goes to the DLQ. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Events per database transaction; bounds the work between heartbeats. */
  chunkSize?: number;
  cluster?: ClusterPolicy;
  /** How long the group waits for a silent member (a crashed one) before rebalancing; Kafka's floor is 6 s. */
  sessionTimeoutMs?: number;
  now?: () => Date;
  onApplied?: (count: number) => void;
  /** Where a new consumer group begins (ConsumerGroupOptions.startAt). */
  startAt?: 'beginning' | 'end';
  /** This fleet's name: records another fleet published are skipped (`fromAnotherFleet`). */
  fleet?: string;
}

/**
 * Feeds a projection from Kafka (docs/adr/0007-projections-exactly-once.md).
 * Offsets live in Postgres with the read model, so the effect is exactly once;
 * Kafka's committed offsets only follow, after the database commit. A record that cannot
 * be decoded goes straight to `dlq.<group>`; one whose handler keeps failing goes
 * there after bounded retries and is parked for redrive. The consumer moves on.
 */
export class ProjectionRunner {
  private consumer?: Consumer;
  private producer?: RenewingProducer;
  readonly applier: ProjectionApplier;
  readonly group: string;
  readonly topics: readonly string[];

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.applier = new ProjectionApplier(options.pool, options.projection);
    this.group = projectionGroup(options.projection);
    this.topics = options.projection.topics;
  }

  async start(): Promise<void> {
    const { projection } = this.options;
    await migrateSharedTables(this.options.pool);
    const { consumer, producer } = await joinConsumerGroup({
      ...this.options,
      group: this.group,
      topics: projection.topics,
      owner: projection.name,
    });
    this.consumer = consumer;
    this.producer = producer;
    // Resume where the database says, whatever Kafka's committed offsets are.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // A seek that fails (the consumer stopping meanwhile) is harmless: Kafka's committed
      // offsets never run ahead of the stored ones, and applied versions are skipped.
      this.seekToStoredOffsets(consumer, payload.memberAssignment).catch(() => undefined);
    });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (batch) => this.eachBatch(batch) });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }

  private async seekToStoredOffsets(consumer: Consumer, assignment: Record<string, number[]>) {
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const stored = await this.applier.storedOffset(topic, partition);
        if (stored !== undefined) consumer.seek({ topic, partition, offset: stored.toString() });
      }
    }
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) {
    const { topic, partition } = batch;
    const stored = await this.applier.storedOffset(topic, partition);
    const fresh: KafkaMessage[] = [];
    for (const message of batch.messages) {
      if (stored !== undefined && BigInt(message.offset) < stored)
        resolveOffset(message.offset); // applied before
      else if (fromAnotherFleet(message, this.options.fleet))
        resolveOffset(message.offset); // not ours: the stored offset catches up at our next record
      else fresh.push(message);
    }
    const chunkSize = this.options.chunkSize ?? 200;
    // Records all applied before still move Kafka's offset on.
    let last: string | undefined = fresh.length ? undefined : batch.messages[batch.messages.length - 1]?.offset;
    let handled = 0;
    for (let i = 0; i < fresh.length; i += chunkSize) {
      if (!isRunning() || isStale()) break;
      const chunk = fresh.slice(i, i + chunkSize);
      await this.handleChunk(topic, partition, chunk);
      last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      handled += chunk.length;
      await heartbeat();
    }
    // Every fresh record applied: the skipped ones after the last of them (another fleet's) are passed too.
    if (fresh.length && handled === fresh.length) last = batch.messages[batch.messages.length - 1].offset;
    // Kafka's offset follows the database's; it is what consumer lag is measured against.
    // (With autoCommit off, commitOffsetsIfNecessary() would commit nothing.)
    if (last !== undefined)
      await this.consumer?.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
  }

  /** The fast path applies a whole chunk in one transaction; on any failure, one record at a time. */
  private async handleChunk(topic: string, partition: number, messages: KafkaMessage[]) {
    const decoded = await Promise.all(
      messages.map((m) =>
        decodeRecord(this.options.serde, topic, partition, m).catch((error: unknown) => error as Error),
      ),
    );
    const next = BigInt(messages[messages.length - 1].offset) + 1n;
    if (decoded.every((d): d is ConsumedEvent => !(d instanceof Error))) {
      try {
        // Not `onApplied?.(await apply())`: optional call would skip evaluating apply when there is no listener.
        const applied = await this.applier.apply(decoded, { offset: { topic, partition, next } });
        this.options.onApplied?.(applied);
        return;
      } catch {
        // fall through: find the record that fails
      }
    }
    for (const [i, message] of messages.entries()) {
      await this.handleOne(topic, partition, message, decoded[i]);
    }
  }

  private async handleOne(topic: string, partition: number, message: KafkaMessage, decoded: ConsumedEvent | Error) {
    const offset = { topic, partition, next: BigInt(message.offset) + 1n };
    const outcome: Attempted =
      decoded instanceof Error
        ? { ok: false, error: decoded, attempts: 0 }
        : await attempt(
            async () => {
              const applied = await this.applier.apply([decoded], { offset });
              this.options.onApplied?.(applied);
            },
            {
              maxAttempts: this.options.maxAttempts ?? 3,
              delayMs: this.options.retryDelayMs ?? 100,
              isFinal: (e) => e instanceof PoisonRecordError,
            },
          );
    if (outcome.ok) return;
    const now = this.options.now?.() ?? new Date();
    await sendToDeadLetters(
      this.producerOrThrow(),
      { group: this.group, topic, partition, message, error: outcome.error, attempts: outcome.attempts },
      now,
    );
    // Only an event whose handler failed can be redriven; a poison record just moves the offset on.
    const redrivable = !(decoded instanceof Error) && !(outcome.error instanceof PoisonRecordError);
    await this.applier.park(redrivable ? decoded : undefined, offset, outcome.error);
  }

  private producerOrThrow(): RenewingProducer {
    if (!this.producer) throw new Error('projection runner is not started');
    return this.producer;
  }
}
