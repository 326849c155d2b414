import type { AvroRecordSchema, EventContract } from '@hexfleet/schemas';

export type { AvroRecordSchema, EventContract };

export const recordFullName = (schema: AvroRecordSchema) =>
  schema.namespace ? `${schema.namespace}.${schema.name}` : schema.name;

/** TopicRecordNameStrategy: one subject per topic and record, so one topic carries several event types. */
export const subjectFor = (contract: EventContract) => `${contract.topic}-${recordFullName(contract.schema)}`;
