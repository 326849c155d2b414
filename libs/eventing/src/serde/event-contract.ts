/** An Avro record schema as JSON (the `.avsc` content). */
export interface AvroRecordSchema {
  type: 'record';
  name: string;
  namespace?: string;
  doc?: string;
  fields: Array<{ name: string; type: unknown; default?: unknown; doc?: string }>;
}

/** How one event type travels: on which topic, with which Avro schema (the reader schema this code was built with). */
export interface EventContract {
  /** The event type as stored in the event store (`BookBorrowed`). */
  type: string;
  topic: string;
  schema: AvroRecordSchema;
}

export const recordFullName = (schema: AvroRecordSchema) =>
  schema.namespace ? `${schema.namespace}.${schema.name}` : schema.name;

/** TopicRecordNameStrategy: one subject per topic and record, so one topic carries several event types. */
export const subjectFor = (contract: EventContract) => `${contract.topic}-${recordFullName(contract.schema)}`;
