import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';

/**
 * TOTP (RFC 6238, 30 s steps, 6 digits) and the secret's encryption at rest.
 * The secret is stored only as AES-256-GCM ciphertext bound to its tenant and
 * user (additional data), so a ciphertext copied onto another account does not
 * decrypt. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
const STEP_SECONDS = 30;
export const TOTP_ISSUER = 'Hexfleet';

export const newTotpSecret = (): string => authenticator.generateSecret(20);

export const otpauthUrl = (account: string, secret: string): string =>
  authenticator.keyuri(account, TOTP_ISSUER, secret);

/**
 * The time step `code` matches at `nowMs`, one step of clock drift either way
 * allowed; null when it matches none. The step (not just a yes) lets the
 * credential refuse a code that was already used.
 */
export function totpStep(code: string, secret: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: nowMs, window: 1 }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(nowMs / 1000 / STEP_SECONDS) + delta;
}

const aad = (owner: { tenant: string; userId: string }) => Buffer.from(`${owner.tenant}/${owner.userId}`, 'utf8');

export function encryptTotpSecret(key: Buffer, owner: { tenant: string; userId: string }, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(owner));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when the ciphertext was not made with this key for this owner. */
export function decryptTotpSecret(
  key: Buffer,
  owner: { tenant: string; userId: string },
  sealed: string,
): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(aad(owner));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
