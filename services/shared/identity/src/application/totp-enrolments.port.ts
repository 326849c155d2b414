import type { TenantId } from '@hexfleet/kernel';

/**
 * A TOTP secret shown to the user and not yet confirmed with a code. It is no
 * fact of the account (nothing is enabled until the confirm), so it is kept
 * aside, encrypted, and replaced by every new enrolment.
 */
export interface TotpEnrolments {
  put(tenant: TenantId, userId: string, secretCiphertext: string, expiresAt: string): Promise<void>;
  /** The pending ciphertext, or null when there is none or it expired. */
  get(tenant: TenantId, userId: string, now: string): Promise<string | null>;
  remove(tenant: TenantId, userId: string): Promise<void>;
}
export const TOTP_ENROLMENTS = Symbol('TotpEnrolments');
