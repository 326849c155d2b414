import { ParsedSchema, typeOfStoredSchema } from './avro-schema';
import { checkCompatibility, CompatibilityLevel } from './compatibility';
import {
  incompatibleSchema,
  subjectNotFound,
  subjectNotSoftDeleted,
  subjectSoftDeleted,
  versionNotFound,
  versionNotSoftDeleted,
  versionSoftDeleted,
} from './errors';
import type { LogRecord } from './log-records';
import { LATEST, RegistryState, SchemaVersion } from './state';

/**
 * The write side, as plain functions of the current state: each returns the
 * records to append to the log and the reply to send once they are applied, or
 * throws a RegistryError. Nothing here touches Kafka or HTTP. The rules follow
 * Confluent's KafkaSchemaRegistry (register, deleteSubject, deleteSchemaVersion).
 */
export interface Decision<T> {
  records: LogRecord[];
  reply: T;
}

export function effectiveLevel(
  state: RegistryState,
  subject: string,
  fallback: CompatibilityLevel,
): CompatibilityLevel {
  return state.subjectLevel(subject) ?? state.globalLevelOr(fallback);
}

export function register(
  state: RegistryState,
  subject: string,
  schema: ParsedSchema,
  defaultLevel: CompatibilityLevel,
): Decision<{ id: number }> {
  const existing = state.findSchema(subject, schema.canonical, false);
  if (existing) return { records: [], reply: { id: existing.id } };

  const all = state.versions(subject, true);
  const previous = all
    .filter((v) => !v.deleted)
    .map((v) => ({ version: v.version, schema: v.schema, type: typeOfStoredSchema(v.schema) }));
  const problems = checkCompatibility(effectiveLevel(state, subject, defaultLevel), schema.type, previous);
  if (problems.length > 0) throw incompatibleSchema(subject, problems);

  // The same schema keeps its id across subjects and re-registrations.
  const id = state.idForSchema(schema.canonical) ?? state.nextId();
  // Versions never go back, even over soft-deleted ones: v3 deleted, the next is v4.
  const version = (all.at(-1)?.version ?? 0) + 1;
  return {
    records: [
      // As Confluent does: a schema that comes back drops its soft-deleted versions,
      // so a subject never lists the same schema twice.
      ...all.filter((v) => v.deleted && v.id === id).map(tombstone),
      { kind: 'schema', subject, version, value: { subject, version, id, schema: schema.canonical, deleted: false } },
    ],
    reply: { id },
  };
}

export function deleteSubject(state: RegistryState, subject: string, permanent: boolean): Decision<number[]> {
  if (!state.hasSubject(subject, true)) throw subjectNotFound(subject);
  const dropConfig: LogRecord[] = state.subjectLevel(subject) ? [{ kind: 'config', subject, level: null }] : [];
  if (!permanent) {
    const live = state.versions(subject, false);
    const latest = live.at(-1);
    if (!latest) throw subjectSoftDeleted(subject);
    return {
      records: [{ kind: 'delete-subject', subject, version: latest.version }, ...dropConfig],
      reply: live.map((v) => v.version),
    };
  }
  const all = state.versions(subject, true);
  if (all.some((v) => !v.deleted)) throw subjectNotSoftDeleted(subject);
  return { records: [...all.map(tombstone), ...dropConfig], reply: all.map((v) => v.version) };
}

export function deleteVersion(
  state: RegistryState,
  subject: string,
  version: number,
  permanent: boolean,
): Decision<number> {
  // "latest" means the latest live version for a soft delete, the latest of all for a permanent one.
  const latestLive = version === LATEST && !permanent ? state.findVersion(subject, LATEST, false) : undefined;
  const target = latestLive ?? state.findVersion(subject, version, true);
  if (!target) throw state.hasSubject(subject, true) ? versionNotFound(version) : subjectNotFound(subject);
  if (!permanent && target.deleted) throw versionSoftDeleted(subject, target.version);
  if (permanent && !target.deleted) throw versionNotSoftDeleted(subject, target.version);
  if (permanent) return { records: [tombstone(target)], reply: target.version };

  const lastLive = state.versions(subject, false).length === 1;
  return {
    records: [
      { kind: 'schema', subject, version: target.version, value: { ...target, deleted: true } },
      // Confluent forgets the subject's config once its last live version goes.
      ...(lastLive && state.subjectLevel(subject) ? [{ kind: 'config' as const, subject, level: null }] : []),
    ],
    reply: target.version,
  };
}

export function setLevel(
  subject: string | null,
  level: CompatibilityLevel,
): Decision<{ compatibility: CompatibilityLevel }> {
  return { records: [{ kind: 'config', subject, level }], reply: { compatibility: level } };
}

export function deleteSubjectLevel(
  state: RegistryState,
  subject: string,
): Decision<{ compatibilityLevel: CompatibilityLevel }> {
  const level = state.subjectLevel(subject);
  if (!level) throw subjectNotFound(subject);
  return { records: [{ kind: 'config', subject, level: null }], reply: { compatibilityLevel: level } };
}

function tombstone(v: SchemaVersion): LogRecord {
  return { kind: 'schema', subject: v.subject, version: v.version, value: null };
}
