import { z } from 'zod';
import { edgeEnv, loadConfig, urlVariable } from '@hexfleet/platform';

/** The services the gateway fronts, each at `<MODULE>_URL`; a module with no URL is not deployed. */
export const MODULES = [
  'identity',
  'profile',
  'hrms',
  'payroll',
  'libraries',
  'events',
  'hq',
  'admin',
  'attendance',
  'chat',
  'pipeline',
  'notifications',
] as const;
export type ModuleName = (typeof MODULES)[number];

const moduleUrls = Object.fromEntries(
  MODULES.map((name) => [`${name.toUpperCase()}_URL`, urlVariable(['http:', 'https:']).optional()]),
) as Record<`${Uppercase<ModuleName>}_URL`, z.ZodOptional<ReturnType<typeof urlVariable>>>;

const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const gatewayEnv = () =>
  edgeEnv({
    ...moduleUrls,
    /** Origins of the web apps allowed to call from a browser, comma-separated. */
    CORS_ORIGINS: list,
    /**
     * Strict-Transport-Security max-age in seconds (a year); 0 leaves the header out, for a gateway
     * reached over plain HTTP with no TLS in front of it (browsers ignore it there anyway).
     */
    HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(31_536_000),
    /** Requests per minute per client address. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(8),
    GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().default(1000),
    /** GraphiQL at /graphiql: for development (`npm run dev` turns it on), never in production. */
    GRAPHIQL: z
      .enum(['on', 'off'])
      .default('off')
      .transform((value) => value === 'on'),
    /** How long an upstream call may take before the gateway answers 504. */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /**
     * What /asyncapi.yaml tells integrators: the Kafka bootstrap servers they reach (host:port, comma-separated)
     * and the schema registry. Default: the gateway's own KAFKA_BROKERS and SCHEMA_REGISTRY_URL, right for the
     * devstack; a deployment whose integrators connect through other listeners sets them.
     */
    ASYNCAPI_KAFKA_BOOTSTRAP: z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port')
      .optional(),
    /** `kafka-secure` where integrators connect with TLS (and SASL). */
    ASYNCAPI_KAFKA_PROTOCOL: z.enum(['kafka', 'kafka-secure']).default('kafka'),
    ASYNCAPI_SCHEMA_REGISTRY_URL: urlVariable(['http:', 'https:']).optional(),
  });

export type GatewayEnv = z.infer<ReturnType<typeof gatewayEnv>>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(gatewayEnv(), env);

/** The URL of each deployed module. */
export function upstreamUrls(env: GatewayEnv): Partial<Record<ModuleName, string>> {
  return Object.fromEntries(
    MODULES.flatMap((name) => {
      const url = env[`${name.toUpperCase()}_URL` as keyof GatewayEnv] as string | undefined;
      return url ? [[name, url.replace(/\/+$/, '')]] : [];
    }),
  );
}
