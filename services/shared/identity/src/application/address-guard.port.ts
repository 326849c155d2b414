/**
 * Per client address limits (brute force over many accounts, mail bombing),
 * counted in fixed windows. The per-account lockout is the credential
 * decider's; this is the other half ARCHITECTURE section 7 asks for.
 */
export type AddressBucket = 'login-failure' | 'mail';

export interface AddressGuard {
  /** How many hits `address` has in `bucket` in the current window. */
  hits(bucket: AddressBucket, address: string, windowSeconds: number, nowMs: number): Promise<number>;
  /** Counts one more hit and answers the new count. */
  hit(bucket: AddressBucket, address: string, windowSeconds: number, nowMs: number): Promise<number>;
}
export const ADDRESS_GUARD = Symbol('AddressGuard');
