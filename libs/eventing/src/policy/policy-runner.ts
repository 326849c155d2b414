import { isDomainError } from '@hexfleet/kernel';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { RenewingProducer } from '../producer/renewing-producer';
import { v5 as uuidv5 } from 'uuid';
import { ConsumedEvent, decodeRecord, fromAnotherFleet, PoisonRecordError } from '../consumer/consumed-event';
import { joinConsumerGroup } from '../consumer/consumer-group';
import { sendToDeadLetters } from '../consumer/dead-letters';
import { attempt } from '../consumer/retry';
import type { AvroSerde } from '../serde/avro-serde';
import type { ClusterPolicy } from '../topics/topic-catalog';
import { contextOf, inSpan, SpanKind } from '../tracing';

/**
 * What a reaction may ask of the runner while it works. The consumer heartbeats between
 * records; a reaction that issues many commands for one event (a school's year-end
 * rollover: a transaction per group) calls `heartbeat()` between them, or the group
 * coordinator takes it for dead after the session timeout, hands the partition to another
 * member and the event is delivered again while the first reaction is still running.
 */
export interface Reacting {
  heartbeat(): Promise<void>;
}

/**
 * Turns another service's event into this service's command
 * (docs/adr/0007-projections-exactly-once.md, "Policies").
 */
export interface Policy {
  /** Names its consumer group, `policy.<name>`, and its DLQ. */
  name: string;
  topics: readonly string[];
  /** Issue the command with `commandIdFor(policy, event)`, so a redelivered event cannot act twice. */
  react(event: ConsumedEvent, reacting: Reacting): Promise<void>;
}

const COMMAND_ID_NAMESPACE = 'b3f4d8a2-61c7-4e0b-9d35-7a1e2c4f9b60';

export const policyGroup = (policy: Pick<Policy, 'name'>) => `policy.${policy.name}`;

/** The command id a policy uses for an event: the same event always yields the same command. */
export const commandIdFor = (policy: Pick<Policy, 'name'>, event: Pick<ConsumedEvent, 'eventId'>) =>
  uuidv5(`${policy.name}/${event.eventId}`, COMMAND_ID_NAMESPACE);

export interface PolicyRunnerOptions {
  policy: Policy;
  /** Where a new consumer group begins (ConsumerGroupOptions.startAt). */
  startAt?: 'beginning' | 'end';
  /** This fleet's name: records another fleet published are skipped (`fromAnotherFleet`). */
  fleet?: string;
  kafka: Kafka;
  serde: AvroSerde;
  maxAttempts?: number;
  retryDelayMs?: number;
  cluster?: ClusterPolicy;
  sessionTimeoutMs?: number;
  /** A broken business rule is an answer, not a fault: reported here, not retried or dead-lettered. */
  onRejected?: (event: ConsumedEvent, error: Error) => void;
  now?: () => Date;
}

/**
 * Runs a policy: at-least-once delivery (Kafka offsets committed after the
 * reaction), exactly-once effect through command ids derived from event ids.
 * Undecodable records and reactions that keep failing go to `dlq.<group>`.
 */
export class PolicyRunner {
  private consumer?: Consumer;
  private producer?: RenewingProducer;
  readonly group: string;
  readonly topics: readonly string[];

  constructor(private readonly options: PolicyRunnerOptions) {
    this.group = policyGroup(options.policy);
    this.topics = options.policy.topics;
  }

  async start(): Promise<void> {
    const { policy } = this.options;
    const { consumer, producer } = await joinConsumerGroup({
      ...this.options,
      group: this.group,
      topics: policy.topics,
      owner: policy.name,
    });
    this.consumer = consumer;
    this.producer = producer;
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) {
    let next: bigint | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if (fromAnotherFleet(message, this.options.fleet)) {
        resolveOffset(message.offset);
        next = BigInt(message.offset) + 1n;
        continue;
      }
      const decoded = await decodeRecord(this.options.serde, batch.topic, batch.partition, message).catch(
        (e: unknown) => e as Error,
      );
      const outcome =
        decoded instanceof Error
          ? { ok: false as const, error: decoded, attempts: 0 }
          : await attempt(() => this.react(decoded, { heartbeat }), {
              maxAttempts: this.options.maxAttempts ?? 3,
              delayMs: this.options.retryDelayMs ?? 100,
              isFinal: (e) => e instanceof PoisonRecordError,
            });
      if (!outcome.ok) {
        const letter = {
          group: this.group,
          topic: batch.topic,
          partition: batch.partition,
          message,
          error: outcome.error,
          attempts: outcome.attempts,
        };
        await sendToDeadLetters(this.producerOrThrow(), letter, this.options.now?.() ?? new Date());
      }
      resolveOffset(message.offset);
      next = BigInt(message.offset) + 1n;
      await heartbeat();
    }
    // With autoCommit off, commitOffsetsIfNecessary() commits nothing: commit what was handled.
    if (next !== undefined) {
      await this.consumer?.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next.toString() }]);
    }
  }

  private async react(event: ConsumedEvent, reacting: Reacting) {
    try {
      // The command the policy issues stores this context, so the trace goes on to the next service.
      await inSpan(
        `${this.group} react`,
        SpanKind.CONSUMER,
        contextOf(event.traceparent),
        { 'messaging.system': 'kafka', 'messaging.message.id': event.eventId, 'hexfleet.event_type': event.type },
        () => this.options.policy.react(event, reacting),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.options.onRejected?.(event, error);
    }
  }

  private producerOrThrow(): RenewingProducer {
    if (!this.producer) throw new Error('policy runner is not started');
    return this.producer;
  }
}
