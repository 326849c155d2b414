import { ParsedSchema, parseAvroSchema } from './avro-schema';
import { invalidSchema, invalidVersion, operationNotPermitted } from './errors';
import { LATEST } from './state';

/** Request bodies and parameters as Confluent reads them, with its error codes for bad ones. */

const MAX_VERSION = 2 ** 31 - 1;

/** "latest", -1, or 1..2^31-1; anything else is a 42202. */
export function parseVersion(raw: string): number {
  const text = raw.trim();
  if (text.toLowerCase() === 'latest') return LATEST;
  const version = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (version === LATEST || (Number.isInteger(version) && version >= 1 && version <= MAX_VERSION)) return version;
  throw invalidVersion(raw);
}

/** JAX-RS reads a boolean query parameter as true only when it says "true". */
export function flag(query: unknown, name: string): boolean {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

export const ONLY_AVRO =
  'only AVRO is supported by the Hexfleet dev registry; use Confluent Schema Registry for JSON/PROTOBUF';

/**
 * Schema references are refused rather than half supported: resolving them
 * means parsing each referenced subject-version into a shared set of named
 * types and canonicalising without inlining them, and no Hexfleet contract
 * needs that (each .avsc is self-contained). An empty list is fine.
 */
export const NO_REFERENCES =
  'schema references are not supported by the Hexfleet dev registry; inline the referenced types, or use Confluent Schema Registry';

/** The schema of a register, lookup or compatibility request. */
export function parseSchemaRequest(body: unknown): ParsedSchema {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { schemaType, references, schema } = request;
  if (schemaType !== undefined && schemaType !== null && schemaType !== 'AVRO') {
    throw invalidSchema(
      schemaType === 'JSON' || schemaType === 'PROTOBUF'
        ? ONLY_AVRO
        : `Invalid schema type ${String(schemaType)}; ${ONLY_AVRO}`,
    );
  }
  if (Array.isArray(references) && references.length > 0) throw invalidSchema(NO_REFERENCES);
  if (typeof schema !== 'string' || schema.trim() === '') throw invalidSchema('Empty schema');
  return parseAvroSchema(schema);
}

/** Registering with an explicit id or version is Confluent's IMPORT mode, which this registry does not offer. */
export function refuseImportFields(subject: string, body: unknown): void {
  const { id, version } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const explicitId = typeof id === 'number' && id >= 0;
  const explicitVersion = typeof version === 'number' && version > 0;
  if (explicitId || explicitVersion) throw operationNotPermitted(`Subject ${subject} is not in import mode`);
}
