import type { Kafka, Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';

/**
 * An idempotent kafkajs producer (`idempotent: true, maxInFlightRequests: 1`) that is
 * connected on first use and replaced after any failed send.
 *
 * kafkajs's idempotent producer can fall out of step with the broker's sequence
 * numbers after a broker restart and then fail every send until it is replaced
 * (kafkajs issue #598). Whoever keeps one producer for the life of the process
 * (the relay, a runner's dead-letter queue) would then stall for good. A new
 * producer gets a new producer id and fresh sequence numbers; what the failed send
 * carried is sent again by the caller, and consumers skip what they already applied.
 */
export class RenewingProducer {
  private current?: Promise<Producer>;

  constructor(private readonly kafka: Pick<Kafka, 'producer'>) {}

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.use((producer) => producer.sendBatch(batch));
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.use((producer) => producer.send(record));
  }

  async disconnect(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.then((producer) => producer.disconnect()).catch(() => undefined);
  }

  private async use<T>(work: (producer: Producer) => Promise<T>): Promise<T> {
    const current = (this.current ??= this.connect());
    try {
      return await work(await current);
    } catch (error) {
      // Concurrent senders share the producer: only the first to see it fail replaces it.
      if (this.current === current) await this.disconnect();
      throw error;
    }
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }
}
