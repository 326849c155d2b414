import { CompatibilityLevel, isCompatibilityLevel } from './compatibility';

/**
 * The records of the `_schemas` topic, in Confluent's JSON shapes, so the log
 * reads the same to us, to Confluent Schema Registry and to Karapace.
 *
 * Keys are compaction keys: the same logical key must always serialise to the
 * same bytes, so each key is written with a fixed field order (Confluent's).
 * A null value is a tombstone: it deletes a schema version for good, or a
 * subject's compatibility config.
 */
export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  schema: string;
  deleted: boolean;
  /** Absent means AVRO, as Confluent writes it; other types may appear in a log Confluent wrote. */
  schemaType?: string;
}

export type LogRecord =
  | { kind: 'schema'; subject: string; version: number; value: SchemaValue | null }
  | { kind: 'config'; subject: string | null; level: CompatibilityLevel | null }
  /** Soft-deletes every version of `subject` up to and including `version`. */
  | { kind: 'delete-subject'; subject: string; version: number }
  /** Carries nothing; written to learn the end of the log (Confluent's NOOP). */
  | { kind: 'noop' };

export interface EncodedRecord {
  key: string;
  value: string | null;
}

export function encodeRecord(record: LogRecord): EncodedRecord {
  switch (record.kind) {
    case 'schema':
      return {
        key: JSON.stringify({ keytype: 'SCHEMA', subject: record.subject, version: record.version, magic: 1 }),
        value: record.value && JSON.stringify(schemaValueJson(record.value)),
      };
    case 'config':
      return {
        key: JSON.stringify({ keytype: 'CONFIG', subject: record.subject, magic: 0 }),
        value: record.level && JSON.stringify({ compatibilityLevel: record.level }),
      };
    case 'delete-subject':
      return {
        key: JSON.stringify({ keytype: 'DELETE_SUBJECT', subject: record.subject, magic: 0 }),
        value: JSON.stringify({ subject: record.subject, version: record.version }),
      };
    case 'noop':
      return { key: JSON.stringify({ keytype: 'NOOP', magic: 0 }), value: null };
    default:
      return assertNever(record);
  }
}

function schemaValueJson(value: SchemaValue): Record<string, unknown> {
  const { subject, version, id, schema, deleted, schemaType } = value;
  return { subject, version, id, ...(schemaType ? { schemaType } : {}), schema, deleted };
}

/**
 * Reads one record of the log. Returns undefined for records we do not act on
 * (MODE, CONTEXT, ... written by Confluent) and for anything malformed, so one
 * odd record can never stop a registry from starting.
 */
export function decodeRecord(key: string | null, value: string | null): LogRecord | undefined {
  const k = parseObject(key);
  if (!k) return undefined;
  const v = value === null ? null : parseObject(value);
  if (v === undefined) return undefined;
  const subject = typeof k.subject === 'string' ? k.subject : null;
  switch (k.keytype) {
    case 'SCHEMA': {
      if (subject === null || !isVersion(k.version)) return undefined;
      if (v === null) return { kind: 'schema', subject, version: k.version, value: null };
      if (typeof v.id !== 'number' || typeof v.schema !== 'string') return undefined;
      const schemaType = typeof v.schemaType === 'string' ? v.schemaType : undefined;
      return {
        kind: 'schema',
        subject,
        version: k.version,
        value: { subject, version: k.version, id: v.id, schema: v.schema, deleted: v.deleted === true, schemaType },
      };
    }
    case 'CONFIG': {
      if (v === null) return { kind: 'config', subject, level: null };
      return isCompatibilityLevel(v.compatibilityLevel)
        ? { kind: 'config', subject, level: v.compatibilityLevel }
        : undefined;
    }
    case 'DELETE_SUBJECT':
      return subject !== null && v && isVersion(v.version)
        ? { kind: 'delete-subject', subject, version: v.version }
        : undefined;
    case 'NOOP':
      return { kind: 'noop' };
    default:
      return undefined;
  }
}

function parseObject(text: string | null): Record<string, unknown> | undefined {
  if (text === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
