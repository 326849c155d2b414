import type { LockoutPolicy } from '../domain';

/** DI token of the service's settings. */
export const IDENTITY_SETTINGS = Symbol('IdentitySettings');

export type Product = 'business' | 'school';

export interface IdentitySettings {
  signingKeyJwk: string;
  operatorKey: string | null;
  totpKey: Buffer;
  mailboxDir: string | null;
  mailLinkBaseUrl: string | null;
  /** Lifetimes, in seconds. */
  ttl: { accessToken: number; session: number; invitation: number; passwordReset: number; emailVerification: number };
  lockout: LockoutPolicy;
  /** Per client address: failed logins, and mails triggered, per window. */
  addressLimits: { maxFailures: number; maxMails: number; windowSeconds: number };
  trustedProxies: string[];
  selfRegistration: Product[];
  /** The read models' running names (suffixed), which queries wait on. */
  readModels: { users: string; loginAudit: string };
}
