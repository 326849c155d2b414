import type { TenantId } from '@hexfleet/kernel';
import type { Page } from './users-directory.port';

/** A sign-in, a refusal or a lockout. */
export interface LoginAuditEntry {
  eventId: string;
  userId: string;
  /** The account's email, from the users directory; null when it has not got there yet. */
  email: string | null;
  outcome: 'succeeded' | 'failed' | 'locked';
  reason: string | null;
  secondFactor: boolean | null;
  lockedUntil: string | null;
  clientIp: string | null;
  userAgent: string | null;
  at: string;
}

/** The login audit read model (`identity.credential.v1`), one tenant at a time. */
export interface LoginAudit {
  /** Newest first, of one user or all. */
  entries(tenant: TenantId, filter: { userId?: string } & Page): Promise<LoginAuditEntry[]>;
}
export const LOGIN_AUDIT = Symbol('LoginAudit');
