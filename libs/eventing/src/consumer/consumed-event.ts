import type { KafkaMessage } from 'kafkajs';
import type { AvroSerde } from '../serde/avro-serde';

/** An event read from Kafka and decoded: what projections and policies handle. */
export interface ConsumedEvent {
  eventId: string;
  /** The Avro record full name (`ce_type`). */
  type: string;
  /** The raw tenant header; a projection parses it (TenantId) before it reaches SQL. */
  tenant: string;
  streamVersion: number;
  aggregateId: string;
  /** The Kafka key, `<tenant>:<aggregateId>`: what orders the records of a stream. */
  streamKey: string;
  /**
   * The stream, `<tenant>/<aggregate>/<id>` (the `stream_id` header; the Kafka key for records
   * written before it existed). What projections count versions by: two aggregates of one
   * tenant may share an id, and so a key, but never a stream.
   */
  streamId: string;
  data: Record<string, unknown>;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  origin: { topic: string; partition: number; offset: string };
}

/** A record that can never be handled (undecodable, or missing what every event carries): it goes to the DLQ at once. */
export class PoisonRecordError extends Error {
  override readonly name = 'PoisonRecordError';
}

const header = (message: KafkaMessage, name: string): string | undefined => {
  const value = message.headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? String(value[0]) : String(value);
};

export async function decodeRecord(
  serde: AvroSerde,
  topic: string,
  partition: number,
  message: KafkaMessage,
): Promise<ConsumedEvent> {
  const required = (name: string) => {
    const value = header(message, name);
    if (!value) throw new PoisonRecordError(`record has no ${name} header`);
    return value;
  };
  const type = required('ce_type');
  if (!message.value) throw new PoisonRecordError('record has no value');
  let data: unknown;
  try {
    data = await serde.decode(message.value, type);
  } catch (error) {
    throw new PoisonRecordError(`cannot decode ${type}: ${(error as Error).message}`);
  }
  const streamVersion = Number(required('stream_version'));
  if (!Number.isSafeInteger(streamVersion) || streamVersion < 1)
    throw new PoisonRecordError('bad stream_version header');
  return {
    eventId: required('ce_id'),
    type,
    tenant: required('tenant'),
    streamVersion,
    aggregateId: required('ce_subject'),
    streamKey: message.key?.toString() ?? '',
    streamId: header(message, 'stream_id') ?? message.key?.toString() ?? '',
    data: data as Record<string, unknown>,
    correlationId: header(message, 'correlation_id'),
    causationId: header(message, 'causation_id'),
    traceparent: header(message, 'traceparent'),
    origin: { topic, partition, offset: message.offset },
  };
}
