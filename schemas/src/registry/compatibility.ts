import type { Type } from 'avsc';
import { invalidCompatibilityLevel } from './errors';

export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;

export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}

/** Confluent accepts the level in any case ("full" is FULL) and answers 42203 for anything else. */
export function parseCompatibilityLevel(value: unknown): CompatibilityLevel {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : value;
  if (!isCompatibilityLevel(upper)) throw invalidCompatibilityLevel(value);
  return upper;
}

export interface PreviousSchema {
  version: number;
  schema: string;
  type: Type;
}

/** One failed reader/writer pair: which live version, in which direction, and avsc's reason. */
export interface Incompatibility {
  version: number;
  /** `backward`: the new schema cannot read that version's data; `forward`: that version cannot read the new data. */
  direction: 'backward' | 'forward';
  reason: string;
}

/**
 * Checks a candidate against a subject's live versions (oldest first) and returns
 * one message per failed reader/writer pair; empty means compatible. The
 * messages are Confluent's (the registry answers them); `findIncompatibilities`
 * gives the same result as data, for the contract gate in `schemas/src/pipeline`.
 */
export function checkCompatibility(
  level: CompatibilityLevel,
  candidate: Type,
  previous: readonly PreviousSchema[],
): string[] {
  const found = findIncompatibilities(level, candidate, previous);
  const messages: string[] = [];
  for (const old of [...previous].reverse()) {
    const problems = found.filter((f) => f.version === old.version);
    if (problems.length === 0) continue;
    messages.push(
      ...problems.map((p) => `{errorType:'READER_WRITER_INCOMPATIBLE', description:'${describeProblem(p)}'}`),
    );
    messages.push(`{oldSchemaVersion: ${old.version}}`, `{oldSchema: '${old.schema}'}`, `{compatibility: '${level}'}`);
  }
  return messages;
}

/** Says which side cannot read which, in the words Confluent's registry uses. */
export function describeProblem(problem: Incompatibility): string {
  return problem.direction === 'backward'
    ? `new schema cannot read data written with version ${problem.version}: ${problem.reason}`
    : `version ${problem.version} cannot read data written with the new schema: ${problem.reason}`;
}

/**
 * Decided with Avro schema resolution as avsc implements it:
 * `reader.createResolver(writer)` throws when data written with `writer` cannot
 * be read with `reader`. BACKWARD: the new schema reads the old data; FORWARD:
 * the old schema reads the new data; FULL: both. Non-transitive levels look at
 * the latest version only, transitive ones at every live version. One known gap
 * with Java Avro: avsc matches record names by full name, Java by short name, so
 * moving a record to another namespace (without an alias) fails here and passes there.
 * Newest version first, backward before forward.
 */
export function findIncompatibilities(
  level: CompatibilityLevel,
  candidate: Type,
  previous: readonly PreviousSchema[],
): Incompatibility[] {
  if (level === 'NONE' || previous.length === 0) return [];
  const transitive = level.endsWith('_TRANSITIVE');
  const against = transitive ? previous : previous.slice(-1);
  const backward = level.startsWith('BACKWARD') || level.startsWith('FULL');
  const forward = level.startsWith('FORWARD') || level.startsWith('FULL');
  const found: Incompatibility[] = [];
  for (const old of [...against].reverse()) {
    const backwardProblem = backward ? cannotRead(candidate, old.type) : undefined;
    if (backwardProblem) found.push({ version: old.version, direction: 'backward', reason: backwardProblem });
    const forwardProblem = forward ? cannotRead(old.type, candidate) : undefined;
    if (forwardProblem) found.push({ version: old.version, direction: 'forward', reason: forwardProblem });
  }
  return found;
}

/** The reason `reader` cannot resolve data written with `writer`, or undefined when it can. */
function cannotRead(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
