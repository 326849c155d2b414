/**
 * How an event travels: the one definition, here with the contracts.
 * `@hexfleet/eventing` (the Avro serde, the relay) imports it from here.
 */

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
  /** The event type as stored in the event store (`Deposited`). */
  type: string;
  topic: string;
  schema: AvroRecordSchema;
}

/**
 * The event type (`EmployeeHired`) of an Avro record full name
 * (`hexfleet.hrms.employee.EmployeeHired`, Kafka's `ce_type`): the one place
 * that maps one to the other.
 */
export const eventTypeOf = (recordFullName: string): string =>
  recordFullName.slice(recordFullName.lastIndexOf('.') + 1);
