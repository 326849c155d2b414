import { DomainError } from '@hexfleet/kernel';

/**
 * The domain never hashes: the application hashes with a slow KDF and hands
 * over the PHC string. These checks make a plain password or a fast hash
 * fail loudly instead of being stored.
 */
const KDF_HASH = /^\$(argon2id|scrypt)\$\S{16,}$/;

/** Tokens (reset links, refresh tokens) are random, so SHA-256 is enough; only that digest is stored. */
const TOKEN_HASH = /^[0-9a-f]{64}$/;

export function assertKdfHash(passwordHash: string): string {
  if (!KDF_HASH.test(passwordHash))
    throw new DomainError('password-not-hashed-with-kdf', { expected: '$argon2id$ or $scrypt$' });
  return passwordHash;
}

export function assertTokenHash(tokenHash: string, field: string): string {
  if (!TOKEN_HASH.test(tokenHash)) throw new DomainError('token-not-hashed', { field, expected: 'sha-256 hex' });
  return tokenHash;
}

export const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new DomainError('invalid-instant', { value: iso });
  return ms;
};

export const plusSeconds = (iso: string, seconds: number): string =>
  new Date(instant(iso) + seconds * 1000).toISOString();
