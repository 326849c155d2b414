import { ParsedSchema, typeOfStoredSchema } from './avro-schema';
import { checkCompatibility, CompatibilityLevel } from './compatibility';
import { schemaNotFound, subjectNotFound, versionNotFound } from './errors';
import { effectiveLevel } from './registry.decider';
import { LATEST, RegistryState, SchemaVersion } from './state';

/** The read side: answers from the state, with Confluent's choice of 404 for each miss. */

export interface SubjectSchema {
  subject: string;
  version: number;
  id: number;
  schema: string;
}

export function getVersion(
  state: RegistryState,
  subject: string,
  version: number,
  includeDeleted: boolean,
): SubjectSchema {
  const found = state.findVersion(subject, version, includeDeleted);
  if (found) return view(found);
  throw state.hasSubject(subject, includeDeleted) ? versionNotFound(version) : subjectNotFound(subject);
}

export function lookUpSchema(
  state: RegistryState,
  subject: string,
  schema: ParsedSchema,
  includeDeleted: boolean,
): SubjectSchema {
  const found = state.findSchema(subject, schema.canonical, includeDeleted);
  if (found) return view(found);
  throw state.hasSubject(subject, includeDeleted) ? schemaNotFound() : subjectNotFound(subject);
}

export function getSchemaById(state: RegistryState, id: number): string {
  const schema = state.schemaById(id);
  if (schema === undefined) throw schemaNotFound(id);
  return schema;
}

/**
 * Messages explaining why `schema` could not be registered (empty: it could).
 * Against one version (`version`), or, when `version` is undefined, against what
 * registration itself would check. As in Confluent, "latest" of a subject with no
 * live version is compatible, while a missing numbered version is a 40402.
 */
export function testCompatibility(
  state: RegistryState,
  subject: string,
  version: number | undefined,
  schema: ParsedSchema,
  defaultLevel: CompatibilityLevel,
): string[] {
  let against: SchemaVersion[];
  if (version === undefined) {
    against = state.versions(subject, false);
  } else {
    const found = state.findVersion(subject, version, false);
    if (!found && version !== LATEST) throw versionNotFound(version);
    against = found ? [found] : [];
  }
  const previous = against.map((v) => ({ version: v.version, schema: v.schema, type: typeOfStoredSchema(v.schema) }));
  return checkCompatibility(effectiveLevel(state, subject, defaultLevel), schema.type, previous);
}

const view = ({ subject, version, id, schema }: SchemaVersion): SubjectSchema => ({ subject, version, id, schema });
