import type { AvroRecordSchema } from '../contracts/event-contract';

/**
 * The AsyncAPI 3.0.0 document as `schemas/asyncapi.yaml` holds it: the part of
 * the specification our generator writes, so the HTML page and the gateway can
 * read it as plain data (no parser at run time).
 */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string; license: { name: string } };
  defaultContentType: string;
  servers: Record<string, AsyncApiServer>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: { messages: Record<string, AsyncApiMessage> };
}

export interface AsyncApiServer {
  /** `host[:port]`; for Kafka, the bootstrap servers (a comma-separated list is what clients take). */
  host: string;
  protocol: 'kafka' | 'kafka-secure';
  description: string;
  bindings: { kafka: { schemaRegistryUrl: string; schemaRegistryVendor: 'confluent'; bindingVersion: string } };
}

export interface Ref {
  $ref: string;
}

export interface AsyncApiChannel {
  address: string;
  title: string;
  description: string;
  tags: Array<{ name: string }>;
  /** Short event type -> `#/components/messages/<record full name>`. */
  messages: Record<string, Ref>;
  bindings: {
    kafka: {
      topic: string;
      partitions: number;
      replicas: number;
      topicConfiguration: Record<string, unknown>;
      bindingVersion: string;
    };
  };
}

export interface AsyncApiOperation {
  action: 'send' | 'receive';
  title: string;
  summary: string;
  channel: Ref;
  messages: Ref[];
}

/** A JSON Schema of one header (string valued). */
export interface HeaderSchema {
  type: 'string';
  description: string;
  const?: string;
  format?: string;
  pattern?: string;
}

export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  contentType: string;
  headers: { type: 'object'; required: string[]; properties: Record<string, HeaderSchema> };
  payload: { schemaFormat: string; schema: AvroRecordSchema };
  correlationId: { description: string; location: string };
  bindings: {
    kafka: {
      key: { type: 'string'; description: string; pattern: string };
      schemaIdLocation: 'payload';
      schemaIdPayloadEncoding: 'confluent';
      schemaLookupStrategy: string;
      bindingVersion: string;
    };
  };
}
