import type { KafkaMessage } from 'kafkajs';
import { eventTypeOf } from '@hexfleet/schemas';
import type { AvroSerde } from '../serde/avro-serde';

/** An event as a contract describes it: `{ type: 'EmployeeHired'; data: EmployeeHiredData }`. */
export interface EventShape {
  type: string;
  data: object;
}

/** Any event, before a reader narrows it to its contracts (`readModel`, `policy`). */
export interface UntypedEvent {
  type: string;
  data: object;
}

/** What every consumed event carries besides its type and data. */
export interface ConsumedEventMeta {
  eventId: string;
  /** The Avro record full name (`ce_type`), e.g. `hexfleet.hrms.employee.EmployeeHired`. */
  recordName: string;
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
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  origin: { topic: string; partition: number; offset: string };
}

/**
 * An event read from Kafka and decoded: what projections and policies handle.
 * `type` is the event type as its service stored it (`EmployeeHired`), so that
 * `ConsumedEvent<hrms.HrmsEmployeeV1Event>` narrows its `data` in a `switch`.
 * (Distributive: a union of contracts gives a union of consumed events.)
 */
export type ConsumedEvent<E extends EventShape = UntypedEvent> = E extends EventShape
  ? ConsumedEventMeta & { type: E['type']; data: E['data'] }
  : never;

/** A record that can never be handled (undecodable, or missing what every event carries): it goes to the DLQ at once. */
export class PoisonRecordError extends Error {
  override readonly name = 'PoisonRecordError';
}

const header = (message: Pick<KafkaMessage, 'headers'>, name: string): string | undefined => {
  const value = message.headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? String(value[0]) : String(value);
};

/** The header naming the fleet whose relay published a record. */
export const FLEET_HEADER = 'fleet';

/**
 * Whether a record was published by another fleet sharing this Kafka cluster, which this
 * fleet's projections and policies must not act on (docs/adr/0073). Two fleets meet on one
 * cluster when tests run side by side on a shared stack: without this, one test's service
 * reacts to another test's events and publishes derived events into the other's read
 * models. A record with no `fleet` header (an unnamed fleet, an outside producer) is
 * everyone's, and a process with no fleet name reads everything: production is unchanged.
 */
export function fromAnotherFleet(message: Pick<KafkaMessage, 'headers'>, fleet: string | undefined): boolean {
  if (!fleet) return false;
  const stamped = header(message, FLEET_HEADER);
  return stamped !== undefined && stamped !== fleet;
}

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
  const recordName = required('ce_type');
  if (!message.value) throw new PoisonRecordError('record has no value');
  let data: unknown;
  try {
    data = await serde.decode(message.value, recordName);
  } catch (error) {
    throw new PoisonRecordError(`cannot decode ${recordName}: ${(error as Error).message}`);
  }
  const streamVersion = Number(required('stream_version'));
  if (!Number.isSafeInteger(streamVersion) || streamVersion < 1)
    throw new PoisonRecordError('bad stream_version header');
  return {
    eventId: required('ce_id'),
    type: eventTypeOf(recordName),
    recordName,
    tenant: required('tenant'),
    streamVersion,
    aggregateId: required('ce_subject'),
    streamKey: message.key?.toString() ?? '',
    streamId: header(message, 'stream_id') ?? message.key?.toString() ?? '',
    data: data as object,
    correlationId: header(message, 'correlation_id'),
    causationId: header(message, 'causation_id'),
    traceparent: header(message, 'traceparent'),
    origin: { topic, partition, offset: message.offset },
  };
}
