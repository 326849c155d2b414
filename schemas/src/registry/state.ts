import { canonicalText } from './avro-schema';
import type { CompatibilityLevel } from './compatibility';
import { assertNever, LogRecord, SchemaValue } from './log-records';

export type SchemaVersion = Readonly<SchemaValue>;

export interface SubjectVersion {
  subject: string;
  version: number;
}

/** -1 stands for "latest", as in Confluent's VersionId. */
export const LATEST = -1;

/**
 * The registry's in-memory model: nothing but a fold over the `_schemas` log.
 * `apply` is the only way in, in log order, so any instance that reads the same
 * log (after a restart, or as a read replica) holds the same state.
 */
export class RegistryState {
  private readonly subjects = new Map<string, Map<number, SchemaVersion>>();
  private readonly subjectLevels = new Map<string, CompatibilityLevel>();
  private globalLevel: CompatibilityLevel | undefined;
  /** Live records (soft-deleted included) that carry each id, keyed `subject\0version`. */
  private readonly holders = new Map<number, Map<string, SchemaVersion>>();
  private readonly idsByCanonical = new Map<string, number>();
  private highestId = 0;

  apply(record: LogRecord): void {
    switch (record.kind) {
      case 'schema':
        this.removeVersion(record.subject, record.version);
        if (record.value) this.putVersion(record.value);
        return;
      case 'config':
        if (record.subject === null) this.globalLevel = record.level ?? undefined;
        else if (record.level) this.subjectLevels.set(record.subject, record.level);
        else this.subjectLevels.delete(record.subject);
        return;
      case 'delete-subject':
        for (const v of this.subjects.get(record.subject)?.values() ?? []) {
          if (v.version <= record.version && !v.deleted) this.putVersion({ ...v, deleted: true });
        }
        return;
      case 'noop':
        return;
      default:
        assertNever(record);
    }
  }

  subjectNames(includeDeleted: boolean): string[] {
    return [...this.subjects.keys()].filter((s) => this.hasSubject(s, includeDeleted)).sort();
  }

  hasSubject(subject: string, includeDeleted: boolean): boolean {
    return this.versions(subject, includeDeleted).length > 0;
  }

  /** A subject's versions, oldest first. */
  versions(subject: string, includeDeleted: boolean): SchemaVersion[] {
    const all = [...(this.subjects.get(subject)?.values() ?? [])];
    return all.filter((v) => includeDeleted || !v.deleted).sort((a, b) => a.version - b.version);
  }

  /** One version, or the latest when `version` is LATEST; soft-deleted ones only when asked for. */
  findVersion(subject: string, version: number, includeDeleted: boolean): SchemaVersion | undefined {
    if (version === LATEST) return this.versions(subject, includeDeleted).at(-1);
    const found = this.subjects.get(subject)?.get(version);
    return found && (includeDeleted || !found.deleted) ? found : undefined;
  }

  /** The version of `subject` holding this schema (compared in canonical form). */
  findSchema(subject: string, canonical: string, includeDeleted: boolean): SchemaVersion | undefined {
    return this.versions(subject, includeDeleted)
      .reverse()
      .find((v) => canonicalText(v.schema) === canonical);
  }

  schemaById(id: number): string | undefined {
    const first = this.holders.get(id)?.values().next();
    return first && !first.done ? first.value.schema : undefined;
  }

  subjectVersionsForId(id: number, includeDeleted: boolean): SubjectVersion[] | undefined {
    const holders = this.holders.get(id);
    if (!holders) return undefined;
    return [...holders.values()]
      .filter((v) => includeDeleted || !v.deleted)
      .map(({ subject, version }) => ({ subject, version }))
      .sort((a, b) => a.subject.localeCompare(b.subject) || a.version - b.version);
  }

  idForSchema(canonical: string): number | undefined {
    return this.idsByCanonical.get(canonical);
  }

  /**
   * Ids are never handed out twice while the log still holds them. A hard-deleted
   * schema's id stays reserved until compaction drops its records; a restart after
   * that may reuse it, exactly as Confluent's id generator (max id in the store + 1) would.
   */
  nextId(): number {
    return this.highestId + 1;
  }

  subjectLevel(subject: string): CompatibilityLevel | undefined {
    return this.subjectLevels.get(subject);
  }

  globalLevelOr(fallback: CompatibilityLevel): CompatibilityLevel {
    return this.globalLevel ?? fallback;
  }

  private putVersion(value: SchemaVersion): void {
    this.highestId = Math.max(this.highestId, value.id);
    // Only AVRO is served; other types a Confluent-written log may hold just reserve their id.
    if (value.schemaType !== undefined && value.schemaType !== 'AVRO') return;
    let versions = this.subjects.get(value.subject);
    if (!versions) this.subjects.set(value.subject, (versions = new Map()));
    versions.set(value.version, value);
    let holders = this.holders.get(value.id);
    if (!holders) this.holders.set(value.id, (holders = new Map()));
    holders.set(holderKey(value), value);
    this.idsByCanonical.set(canonicalText(value.schema), value.id);
  }

  private removeVersion(subject: string, version: number): void {
    const versions = this.subjects.get(subject);
    const old = versions?.get(version);
    if (!versions || !old) return;
    versions.delete(version);
    if (versions.size === 0) this.subjects.delete(subject);
    const holders = this.holders.get(old.id);
    holders?.delete(holderKey(old));
    if (holders && holders.size === 0) {
      this.holders.delete(old.id);
      this.idsByCanonical.delete(canonicalText(old.schema));
    }
  }
}

const holderKey = (v: SubjectVersion) => `${v.subject}\u0000${v.version}`;
