import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Page } from './users-directory.port';

/** A sign-in, a refusal or a lockout (typed in the contracts, for the gateway too). */
export type LoginAuditEntry = views.identity.LoginAuditEntry;

/** The login audit read model (`identity.credential.v1`), one tenant at a time. */
export interface LoginAudit {
  /** Newest first, of one user or all. */
  entries(tenant: TenantId, filter: { userId?: string } & Page): Promise<LoginAuditEntry[]>;
}
export const LOGIN_AUDIT = Symbol('LoginAudit');
