import fs from 'node:fs';
import path from 'node:path';
import { type ParsedSchema, parseAvroSchema } from '../registry/avro-schema';
import { describeProblem, findIncompatibilities, type PreviousSchema } from '../registry/compatibility';
import { AVRO_ROOT, repoRelative } from './paths';
import type { SchemaHistory, SchemaVersion } from './schema-history';

/** A schema file as it is in the working tree, by repo-relative path. */
export interface SchemaFile {
  path: string;
  text: string;
}

const ADVICE =
  'Add or remove only fields that have a default; a change that cannot be made compatible needs a new topic ' +
  'version (<module>.<aggregate>.v<major+1>).';

/** Every `.avsc` under `schemas/avro/<module>/`, as it is on disk now. */
export function workingTreeSchemas(root: string = AVRO_ROOT): SchemaFile[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      fs
        .readdirSync(path.join(root, entry.name))
        .filter((name) => name.endsWith('.avsc'))
        .map((name) => path.join(root, entry.name, name)),
    )
    .sort()
    .map((file) => ({ path: repoRelative(file), text: fs.readFileSync(file, 'utf8') }));
}

/**
 * The contract gate: each file must be FULL_TRANSITIVE compatible with every
 * earlier version of itself, because events are kept forever and services
 * built on any version read them (docs/adr/0008-contract-pipeline.md). Resolution is the
 * registry's own (`findIncompatibilities`), so the gate and a registry running
 * FULL_TRANSITIVE agree. Returns one message per broken version; empty passes.
 */
export function compatibilityProblems(files: readonly SchemaFile[], history: SchemaHistory): string[] {
  return files.flatMap((file) => problemsOf(file, history));
}

function problemsOf(file: SchemaFile, history: SchemaHistory): string[] {
  let candidate: ParsedSchema;
  try {
    candidate = parseAvroSchema(file.text);
  } catch (error) {
    return [`${file.path}: ${(error as Error).message}`];
  }
  const versions = distinctVersions(history.versionsOf(file.path));
  const previous: PreviousSchema[] = versions.map((v, i) => ({ version: i + 1, schema: v.canonical, type: v.type }));
  return findIncompatibilities('FULL_TRANSITIVE', candidate.type, previous).map(
    (problem) =>
      `${file.path} breaks FULL_TRANSITIVE compatibility with version ${problem.version} ` +
      `(commit ${versions[problem.version - 1].revision}): ${describeProblem(problem)}. ${ADVICE}`,
  );
}

/**
 * Numbers versions as a registry would: a commit that changes only layout or
 * key order (same canonical form) is no new version, and one that never parsed
 * was never registered, so neither counts.
 */
function distinctVersions(history: SchemaVersion[]): Array<ParsedSchema & { revision: string }> {
  const seen = new Set<string>();
  const versions: Array<ParsedSchema & { revision: string }> = [];
  for (const { revision, text } of history) {
    let parsed: ParsedSchema;
    try {
      parsed = parseAvroSchema(text);
    } catch {
      continue;
    }
    if (seen.has(parsed.canonical)) continue;
    seen.add(parsed.canonical);
    versions.push({ ...parsed, revision });
  }
  return versions;
}
