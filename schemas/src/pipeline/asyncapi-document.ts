import type {
  AsyncApiChannel,
  AsyncApiDocument,
  AsyncApiMessage,
  AsyncApiOperation,
  AsyncApiServer,
  HeaderSchema,
} from '../asyncapi/asyncapi-document.types';
import { isPublicTopic, type TopicSpec } from '../catalog/topic-spec';
import { type ContractModule, type EventSource, eventsOn } from './contract-sources';

export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro;version=1.9.0';
const KAFKA_BINDING = '0.5.0';
/** Production replication (docs/adr/0008-contract-pipeline.md); the devstack uses 1. */
const REPLICAS = 3;
const MIN_IN_SYNC_REPLICAS = 2;

const INTRO = `Every public domain event the Hexfleet fleet publishes, for integrators who consume them.

- **Topics**: one per aggregate type, \`<module>.<aggregate>.v<major>\`; all event types of an aggregate share it, so
  the events of one aggregate arrive in order. Topics keep everything (\`retention.ms=-1\`, never compacted).
- **Key**: \`<tenant>:<aggregateId>\`.
- **Value**: Avro in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary); any Confluent
  deserializer reads it. Subjects follow TopicRecordNameStrategy (\`<topic>-<record full name>\`) with
  FULL_TRANSITIVE compatibility, so old and new readers read every event.
- **Headers**: the CloudEvents Kafka binding (\`ce_*\`) plus \`tenant\`, \`stream_id\`, \`stream_version\`,
  \`correlation_id\`, \`causation_id\` and W3C \`traceparent\`. Deduplicate by \`ce_id\`: delivery is at least once.
- **Tenants**: every topic carries every tenant's events; read the \`tenant\` header to keep your own.

Only public topics are listed: the fleet's internal topics (secrets, bookkeeping) are not a contract and may
change or disappear without notice. Generated from \`schemas/avro\` by \`npx nx asyncapi schemas\`; do not edit
by hand. A guide with runnable consumers in Python and Java: \`docs/integrators.md\`.`;

/** The devstack, where the committed document points; the gateway serves it with its deployment's servers. */
export const DEVSTACK_SERVERS: Record<string, AsyncApiServer> = {
  local: {
    host: 'localhost:9092',
    protocol: 'kafka',
    description: 'The devstack (`npm run dev`): Kafka, and the schema registry on port 8081.',
    bindings: {
      kafka: {
        schemaRegistryUrl: 'http://localhost:8081',
        schemaRegistryVendor: 'confluent',
        bindingVersion: KAFKA_BINDING,
      },
    },
  },
};

/** The AsyncAPI 3.0.0 document for every public topic of every module, as plain data for YAML. */
export function asyncApiDocument(modules: readonly ContractModule[], version: string): AsyncApiDocument {
  const topics = modules.flatMap((m) =>
    m.topics.filter(isPublicTopic).map((topic) => ({ topic, events: eventsOn(m, topic) })),
  );
  const events = topics.flatMap((t) => t.events);
  return {
    asyncapi: '3.0.0',
    info: { title: 'Hexfleet events', version, description: INTRO, license: { name: 'Apache-2.0' } },
    defaultContentType: 'application/avro',
    servers: DEVSTACK_SERVERS,
    channels: Object.fromEntries(topics.map(({ topic, events }) => [topic.name, channel(topic, events)])),
    operations: Object.fromEntries(
      topics.map(({ topic, events }) => [`publish.${topic.name}`, operation(topic, events)]),
    ),
    components: { messages: Object.fromEntries(events.map((e) => [e.fullName, message(e)])) },
  };
}

function channel(topic: TopicSpec, events: EventSource[]): AsyncApiChannel {
  return {
    address: topic.name,
    title: topic.name,
    description:
      `${topic.description ?? ''} Published by the \`${topic.owner}\` module; ${topic.partitions} ` +
      `partition${topic.partitions === 1 ? '' : 's'}, fixed for good (more would move keys to other partitions).`,
    tags: [{ name: topic.owner }],
    messages: Object.fromEntries(events.map((e) => [e.type, { $ref: `#/components/messages/${e.fullName}` }])),
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        replicas: REPLICAS,
        topicConfiguration: {
          'cleanup.policy': ['delete'],
          'retention.ms': topic.retentionMs ?? -1,
          'min.insync.replicas': MIN_IN_SYNC_REPLICAS,
        },
        bindingVersion: KAFKA_BINDING,
      },
    },
  };
}

function operation(topic: TopicSpec, events: EventSource[]): AsyncApiOperation {
  return {
    action: 'send',
    title: `The ${topic.owner} service publishes to ${topic.name}`,
    summary: 'Events are published after the transaction that stored them commits (outbox relay), in stream order.',
    channel: { $ref: `#/channels/${topic.name}` },
    messages: events.map((e) => ({ $ref: `#/channels/${topic.name}/messages/${e.type}` })),
  };
}

function message(event: EventSource): AsyncApiMessage {
  return {
    name: event.type,
    title: event.type,
    summary: event.avro.doc ?? event.fullName,
    contentType: 'application/avro',
    headers: cloudEventHeaders(event.fullName),
    payload: { schemaFormat: AVRO_SCHEMA_FORMAT, schema: event.schema },
    correlationId: {
      description: 'Shared by everything one request caused.',
      location: '$message.header#/correlation_id',
    },
    bindings: {
      kafka: {
        // With an Avro payload, tools read the key schema as Avro too: `{ type: 'string' }` means the same in both.
        key: {
          type: 'string',
          description: '`<tenant>:<aggregateId>`: one key per aggregate, so its events stay in order.',
          pattern: '^[a-z][a-z0-9]{2,30}:.+$',
        },
        schemaIdLocation: 'payload',
        schemaIdPayloadEncoding: 'confluent',
        schemaLookupStrategy: 'TopicRecordNameStrategy',
        bindingVersion: KAFKA_BINDING,
      },
    },
  };
}

/** The CloudEvents Kafka binding (binary mode) as the relay writes it, plus Hexfleet's own headers. */
function cloudEventHeaders(fullName: string): AsyncApiMessage['headers'] {
  const text = (description: string, more: Partial<HeaderSchema> = {}): HeaderSchema => ({
    type: 'string',
    description,
    ...more,
  });
  return {
    type: 'object',
    required: [
      'ce_specversion',
      'ce_id',
      'ce_type',
      'ce_source',
      'ce_time',
      'ce_subject',
      'content-type',
      'tenant',
      'stream_id',
      'stream_version',
    ],
    properties: {
      ce_specversion: text('CloudEvents specification version.', { const: '1.0' }),
      ce_id: text('Event id (UUIDv7). Delivery is at least once: deduplicate by it.', { format: 'uuid' }),
      ce_type: text('Avro record full name of the payload.', { const: fullName }),
      ce_source: text('`/<app>/<module>` of the publishing service, e.g. `/school/libraries`.', {
        pattern: '^/[a-z0-9-]+/[a-z0-9-]+$',
      }),
      ce_time: text('When the event was recorded (RFC 3339, UTC).', { format: 'date-time' }),
      ce_subject: text('Aggregate id: the key without its tenant prefix.'),
      'content-type': text('Avro in the Confluent wire format.', { const: 'application/avro' }),
      tenant: text('Tenant the event belongs to.', { pattern: '^[a-z][a-z0-9]{2,30}$' }),
      stream_id: text(
        'The stream, `<tenant>/<aggregate>/<aggregateId>`: what `stream_version` counts in (two aggregate types of a tenant may share an id, never a stream).',
        { pattern: '^[a-z][a-z0-9]{2,30}/[a-z][a-z0-9-]*/.+$' },
      ),
      stream_version: text(
        "The aggregate's version after this event, in decimal; one more than the key's previous event.",
        {
          pattern: '^[1-9][0-9]*$',
        },
      ),
      correlation_id: text('Shared by everything one request caused.'),
      causation_id: text('Id of the command or event that caused this one.'),
      traceparent: text('W3C Trace Context of the request that caused the event.', {
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      }),
    },
  };
}
