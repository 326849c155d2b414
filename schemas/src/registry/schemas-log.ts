import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { operationTimeout, storeError } from './errors';
import { decodeRecord, encodeRecord, LogRecord } from './log-records';
import { kafkajsLogCreator, RegistryLogger } from './logger';
import { ensureSchemasTopic } from './schemas-topic';

export interface SchemasLogOptions {
  brokers: string[];
  topic: string;
  replicationFactor: number;
  logger: RegistryLogger;
  /** Called once per record, in log order, from the consumer. */
  onRecord: (record: LogRecord) => void;
  /** How long a write may wait for its own record to come back (Confluent: kafkastore.timeout.ms). */
  writeTimeoutMs?: number;
}

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * The `_schemas` topic as the registry's only storage, as in Confluent's KafkaStore.
 * A consumer reads it from the beginning and feeds every record to `onRecord`;
 * `append` produces (acks=all) and resolves only once that consumer has applied
 * the records, so whoever wrote also reads its write. To know where "the end"
 * is at start-up we produce a NOOP record and wait for it, as Confluent does:
 * unlike the high watermark, our own record is certain to come back even when
 * compaction has removed the last records before it.
 */
export class SchemasLog {
  private applied = -1;
  private waiters: { offset: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private crashed: Error | undefined;
  private closed = false;

  private constructor(
    private readonly options: SchemasLogOptions,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
  ) {}

  static async open(options: SchemasLogOptions): Promise<SchemasLog> {
    const { brokers, topic, logger } = options;
    const kafka = new Kafka({
      clientId: 'hexfleet-schema-registry',
      brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(logger),
      retry: { retries: 3 },
    });
    await ensureSchemasTopic(kafka, brokers, topic, options.replicationFactor, logger);
    // A fresh group each time: the group only carries the assignment, every instance reads the whole log.
    const consumer = kafka.consumer({ groupId: `hexfleet-schema-registry-${randomUUID()}`, maxWaitTimeInMs: 500 });
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    const log = new SchemasLog(options, producer, consumer);
    try {
      await Promise.all([producer.connect(), consumer.connect()]);
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      consumer.on(consumer.events.CRASH, ({ payload }) => log.onCrash(payload.error, payload.restart));
      await consumer.run({ autoCommit: false, eachBatch: (batch) => log.consume(batch) });
      const started = Date.now();
      await log.waitFor(await log.produce([{ kind: 'noop' }]), STARTUP_TIMEOUT_MS);
      logger.info('read the schemas log to its end', { topic, records: log.applied + 1, ms: Date.now() - started });
      return log;
    } catch (error) {
      await log.close();
      throw error;
    }
  }

  /** Appends records in one batch and resolves once this instance has applied all of them. */
  async append(records: LogRecord[]): Promise<void> {
    if (this.crashed) throw storeError(`the schemas log reader stopped: ${this.crashed.message}`);
    await this.waitFor(await this.produce(records), this.options.writeTimeoutMs ?? 30_000);
  }

  get healthy(): boolean {
    return !this.closed && !this.crashed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(storeError('the schema registry is shutting down'));
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect()]);
  }

  private async produce(records: LogRecord[]): Promise<number> {
    try {
      const [meta] = await this.producer.send({
        topic: this.options.topic,
        acks: -1,
        messages: records.map((r) => ({ ...encodeRecord(r), partition: 0 })),
      });
      if (meta?.baseOffset === undefined) throw new Error('the broker did not return an offset');
      return Number(meta.baseOffset) + records.length - 1;
    } catch (error) {
      throw storeError(`could not write to the schemas topic ${this.options.topic}: ${(error as Error).message}`);
    }
  }

  private waitFor(offset: number, timeoutMs: number): Promise<void> {
    if (this.applied >= offset) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(operationTimeout(`timed out after ${timeoutMs} ms waiting for offset ${offset} of the schemas log`));
      }, timeoutMs);
      const waiter = {
        offset,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject,
      };
      this.waiters.push(waiter);
    });
  }

  private async consume({ batch, heartbeat }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      const record = decodeRecord(message.key?.toString('utf8') ?? null, message.value?.toString('utf8') ?? null);
      if (record) {
        try {
          this.options.onRecord(record);
        } catch (error) {
          this.options.logger.error('could not apply a schemas log record', {
            offset: message.offset,
            error: String(error),
          });
        }
      } else {
        this.options.logger.debug('skipped a schemas log record', {
          offset: message.offset,
          key: message.key?.toString(),
        });
      }
      this.applied = Math.max(this.applied, Number(message.offset));
    }
    const ready = this.waiters.filter((w) => w.offset <= this.applied);
    this.waiters = this.waiters.filter((w) => w.offset > this.applied);
    for (const waiter of ready) waiter.resolve();
    await heartbeat();
  }

  private onCrash(error: Error, restart: boolean): void {
    this.options.logger.error('schemas log reader crashed', { error: error.message, restart });
    if (!restart) this.crashed = error;
  }
}
