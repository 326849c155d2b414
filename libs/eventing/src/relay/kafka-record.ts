import type { IHeaders, Message } from 'kafkajs';
import type { RecordedEvent } from '../event-store/events';
import { FLEET_HEADER } from '../consumer/consumed-event';

/**
 * The Kafka record for a stored event: key `<tenant>:<aggregateId>`, CloudEvents binary-mode headers,
 * and the `fleet` header when the publishing fleet has a name (see `fromAnotherFleet`).
 */
export function kafkaRecord(
  event: RecordedEvent,
  value: Buffer,
  ceType: string,
  source: string,
  fleet?: string,
): Message {
  const aggregateId = event.streamId.slice(event.streamId.lastIndexOf('/') + 1);
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: event.eventId,
    ce_type: ceType,
    ce_source: source,
    ce_time: event.recordedAt.toISOString(),
    ce_subject: aggregateId,
    'content-type': 'application/avro',
    tenant: event.tenant,
    // The key names the aggregate id only; two aggregates of one tenant may share an id.
    stream_id: event.streamId,
    stream_version: String(event.streamVersion),
  };
  const { correlationId, causationId, traceparent } = event.metadata;
  if (correlationId) headers.correlation_id = correlationId;
  if (causationId) headers.causation_id = causationId;
  if (traceparent) headers.traceparent = traceparent;
  if (fleet) headers[FLEET_HEADER] = fleet;
  return { key: `${event.tenant}:${aggregateId}`, value, headers };
}
