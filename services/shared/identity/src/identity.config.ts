import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';
import type { IdentitySettings } from './application/identity-settings';
import { ISSUER, SigningKey } from './application/signing-key';

/**
 * What identity needs beyond the platform's variables. Secrets (signing key,
 * operator key, TOTP key) come only from the environment, never the repository.
 */
const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const DAY = 24 * 3600;

const schema = z.object({
  /** The private ES256 key (a JWK JSON string) that signs access tokens; its public half is the JWKS. */
  SIGNING_KEY_JWK: z.string().min(1, 'is required (tools/scripts/new-signing-key.mjs prints one)'),
  /** Shared secret of the operators who provision tenants; unset, provisioning is refused. */
  OPERATOR_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** 32 random bytes, base64: encrypts TOTP secrets at rest (AES-256-GCM). */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64 (openssl rand -base64 32)'),
  /** Development only: mails are written here as JSON files and served at GET /dev/mailbox. */
  MAILBOX_DIR: z.string().min(1).optional(),
  /** Where mail links point, e.g. the web app's URL; the raw token is always in the mail too. */
  MAIL_LINK_BASE_URL: z.string().url().optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(15 * 60),
  SESSION_TTL_SECONDS: seconds(30 * DAY),
  INVITATION_TTL_SECONDS: seconds(7 * DAY),
  PASSWORD_RESET_TTL_SECONDS: seconds(3600),
  EMAIL_VERIFICATION_TTL_SECONDS: seconds(7 * DAY),
  LOCKOUT_MAX_FAILURES: count(5),
  LOCKOUT_WINDOW_SECONDS: seconds(15 * 60),
  LOCKOUT_SECONDS: seconds(15 * 60),
  /** Failed logins one client address may make per window before it gets 429. */
  ADDRESS_MAX_FAILURES: count(50),
  /** Mails (registrations, resets) one client address may trigger per window. */
  ADDRESS_MAX_MAILS: count(20),
  ADDRESS_WINDOW_SECONDS: seconds(15 * 60),
  /** Proxies (exact addresses, comma-separated) whose X-Forwarded-For names the client: the gateway. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Products whose tenants accept self-registration (ADR 0018): comma-separated, or `none`. */
  SELF_REGISTRATION: z
    .string()
    .default('school')
    .refine(
      (v) => /^(none|((business|school)(,(business|school))*))$/.test(v),
      'must be none, or business and/or school',
    )
    .transform((v) => (v === 'none' ? [] : (v.split(',') as Array<'business' | 'school'>))),
  /**
   * React to HRMS events (invite on EmployeeHired, deactivate on EmployeeSeparated). Off by default:
   * on, identity waits at start (up to 2 min) for HRMS to create hrms.employee.v1, so turn it on
   * where HRMS runs too (ADR 0021).
   */
  HRMS_POLICIES: z.enum(['on', 'off']).default('off'),
  /**
   * React to Admin's students (ADR 0043): StudentEnrolled invites the student and guardians,
   * StudentWithdrawn deactivates the student. On by default: the school ERP's flow 4 needs it, and
   * since ADR 0028 a missing admin.student.v1 is created from the catalogue, not waited for.
   */
  ADMIN_POLICIES: z.enum(['on', 'off']).default('on'),
});

/** Identity's own settings (the read models' names aside), and whether it reacts to HRMS and Admin. */
export interface IdentityEnv extends Omit<IdentitySettings, 'readModels'> {
  hrmsPolicies: boolean;
  adminPolicies: boolean;
}

/** What identity is composed with: the options of every service, and its own. */
export interface IdentityOptions extends CommonOptions, IdentityEnv {}

/** Reads identity's own variables; a bad one stops the start with its name (never its value). */
export function identityEnv(env: NodeJS.ProcessEnv): IdentityEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => {
        const name = i.path.join('.');
        return `${name}: ${i.code === 'invalid_type' && env[name] === undefined ? 'is required' : i.message}`;
      })
      .join('; ');
    throw new Error(`Invalid identity configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    signingKeyJwk: e.SIGNING_KEY_JWK,
    operatorKey: e.OPERATOR_KEY ?? null,
    totpKey: Buffer.from(e.TOTP_ENCRYPTION_KEY, 'base64'),
    mailboxDir: e.MAILBOX_DIR ?? null,
    mailLinkBaseUrl: e.MAIL_LINK_BASE_URL ?? null,
    ttl: {
      accessToken: e.ACCESS_TOKEN_TTL_SECONDS,
      session: e.SESSION_TTL_SECONDS,
      invitation: e.INVITATION_TTL_SECONDS,
      passwordReset: e.PASSWORD_RESET_TTL_SECONDS,
      emailVerification: e.EMAIL_VERIFICATION_TTL_SECONDS,
    },
    lockout: {
      maxFailures: e.LOCKOUT_MAX_FAILURES,
      windowSeconds: e.LOCKOUT_WINDOW_SECONDS,
      lockSeconds: e.LOCKOUT_SECONDS,
    },
    addressLimits: {
      maxFailures: e.ADDRESS_MAX_FAILURES,
      maxMails: e.ADDRESS_MAX_MAILS,
      windowSeconds: e.ADDRESS_WINDOW_SECONDS,
    },
    trustedProxies: e.TRUSTED_PROXIES,
    selfRegistration: e.SELF_REGISTRATION,
    hrmsPolicies: e.HRMS_POLICIES === 'on',
    adminPolicies: e.ADMIN_POLICIES === 'on',
  };
}

/**
 * Identity verifies its own access tokens like every service does, with the
 * public half of its signing key: unless the environment already says
 * otherwise, JWKS_JSON is derived from SIGNING_KEY_JWK and the issuer pinned.
 */
export async function withOwnJwks(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  if (!env.SIGNING_KEY_JWK) return env; // identityEnv reports it by name
  const own = { ...env };
  if (!own.JWKS_URL && !own.JWKS_JSON)
    own.JWKS_JSON = JSON.stringify((await SigningKey.fromJwk(env.SIGNING_KEY_JWK)).jwks());
  own.JWT_ISSUER ??= ISSUER;
  return own;
}
