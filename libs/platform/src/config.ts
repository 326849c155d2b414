import { z } from 'zod';

/** Thrown at start when the environment is missing or misstates a variable; the message names every one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** A variable that must be a URL with one of these protocols. */
export const urlVariable = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );

/** What every process of the fleet reads, whether or not it owns a database (the gateway does not). */
const edgeShape = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port')
    .transform((value) => value.split(',')),
  SCHEMA_REGISTRY_URL: urlVariable(['http:', 'https:']),
  /** Where the identity service publishes its public keys. */
  JWKS_URL: urlVariable(['http:', 'https:']).optional(),
  /** Or the public keys themselves (a JWKS document), for development and tests. */
  JWKS_JSON: z.string().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A file to append log lines to instead of stdout (tests keep each service's log for the secrets scan). */
  LOG_FILE: z.string().min(1).optional(),
  /** Traces are exported over OTLP/HTTP when this is set (standard OpenTelemetry variable). */
  OTEL_EXPORTER_OTLP_ENDPOINT: urlVariable(['http:', 'https:']).optional(),
  /** How long a shutdown waits for in-flight requests and batches before giving up. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
};

/** What every service reads from its environment. */
const platformShape = {
  ...edgeShape,
  DATABASE_URL: urlVariable(['postgres:', 'postgresql:']),
  /**
   * Where the service's consumer groups begin when they have no offsets yet: `beginning` (read
   * models catch up on all history) or `end` (a throw-away instance on a shared cluster: tests).
   */
  NEW_CONSUMER_GROUPS_START_AT: z.enum(['beginning', 'end']).default('beginning'),
  /**
   * How long Kafka waits for a silent consumer (a crashed replica) before handing its partitions
   * to the others: the longest a crash can stall a read model. Kafka's floor is 6 s.
   */
  CONSUMER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  /**
   * The fleet this service belongs to, when several share one Kafka cluster (docs/adr/0073):
   * records are stamped with it, and records stamped by another fleet are skipped. Unset: nothing
   * is stamped and nothing skipped.
   */
  /**
   * The replication the service gives the topics it creates (its own and its dead-letter topics) when
   * they do not exist yet: 3 and 2 on a production cluster (the Helm chart sets them from its values).
   * Unset: the service definition's policy, by default 1 and 1 (one local broker).
   */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).optional(),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).max(7).optional(),
  FLEET_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be 1-63 lower-case letters, digits, dots, dashes or underscores')
    .optional(),
};

/** The platform's variables plus a service's own (`serviceEnv({ LOAN_SCAN_CRON: z.string() })`). */
export function serviceEnv<Extra extends z.ZodRawShape = Record<never, never>>(extra?: Extra) {
  return z.object({ ...platformShape, ...(extra as Extra) }).superRefine(requireKeys);
}

/** The same without a database: for the gateway, which owns no data. */
export function edgeEnv<Extra extends z.ZodRawShape = Record<never, never>>(extra?: Extra) {
  return z.object({ ...edgeShape, ...(extra as Extra) }).superRefine(requireKeys);
}

/** Where the public keys come from is the one thing with no default: every process verifies tokens itself. */
function requireKeys(env: object, ctx: z.RefinementCtx) {
  const keys = env as { JWKS_URL?: string; JWKS_JSON?: string };
  if (!keys.JWKS_URL && !keys.JWKS_JSON)
    ctx.addIssue({
      code: 'custom',
      path: ['JWKS_URL'],
      message: 'is required (or JWKS_JSON): every service verifies tokens itself',
    });
}

export type PlatformEnv = z.infer<ReturnType<typeof serviceEnv>>;

/**
 * Reads and validates the environment once, at start. A bad or missing variable
 * stops the service with a message naming it, rather than failing later on use.
 */
export function loadConfig<S extends z.ZodType<object>>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        return issue.code === 'invalid_type' && env[name] === undefined
          ? `${name} is required`
          : `${name} ${issue.message}`;
      }),
    );
  }
  return parsed.data;
}
