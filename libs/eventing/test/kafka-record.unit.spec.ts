import { TenantId } from '@hexfleet/kernel';
import { kafkaRecord } from '../src/relay/kafka-record';

describe('a stored event as a Kafka record', () => {
  const event = {
    globalPosition: 7n,
    streamId: 'acme/loan/0192f0a0-0000-7000-8000-000000000001',
    streamVersion: 3,
    eventId: '0192f0a0-0000-7000-8000-0000000000aa',
    type: 'BookBorrowed',
    data: {},
    metadata: { correlationId: 'corr-1', causationId: 'cause-1', traceparent: '00-abc-def-01' },
    tenant: TenantId.parse('acme'),
    recordedAt: new Date('2026-11-23T10:00:00.000Z'),
  };

  it('is keyed by tenant and aggregate, so one aggregate keeps its order on one partition', () => {
    expect(kafkaRecord(event, Buffer.from([0]), 'hexfleet.libraries.BookBorrowed', '/school/libraries').key).toBe(
      'acme:0192f0a0-0000-7000-8000-000000000001',
    );
  });

  it('carries the CloudEvents Kafka binding headers plus tenant, stream, version, correlation and trace', () => {
    expect(
      kafkaRecord(event, Buffer.from([0]), 'hexfleet.libraries.BookBorrowed', '/school/libraries').headers,
    ).toEqual({
      ce_specversion: '1.0',
      ce_id: event.eventId,
      ce_type: 'hexfleet.libraries.BookBorrowed',
      ce_source: '/school/libraries',
      ce_time: '2026-11-23T10:00:00.000Z',
      ce_subject: '0192f0a0-0000-7000-8000-000000000001',
      'content-type': 'application/avro',
      tenant: 'acme',
      stream_id: 'acme/loan/0192f0a0-0000-7000-8000-000000000001',
      stream_version: '3',
      correlation_id: 'corr-1',
      causation_id: 'cause-1',
      traceparent: '00-abc-def-01',
    });
  });

  it('names the fleet that published it when the fleet has a name, and nothing otherwise', () => {
    const record = (fleet?: string) =>
      kafkaRecord(event, Buffer.from([0]), 'hexfleet.libraries.BookBorrowed', '/school/libraries', fleet);
    expect(record('fleet-a').headers?.fleet).toBe('fleet-a');
    expect(record().headers).not.toHaveProperty('fleet');
  });
});
