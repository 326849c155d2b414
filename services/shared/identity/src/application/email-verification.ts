import { timingSafeEqual } from 'node:crypto';
import { isUuid } from '@hexfleet/kernel';
import type { SigningKey } from './signing-key';

/**
 * Email-verification links are stateless (ADR 0019): `<userId>.<expiresAt>.<mac>`,
 * the MAC binding tenant, user, address and expiry. Verifying is idempotent
 * (the user decider ignores a second click) and names the address, so a link
 * for an old address cannot verify a new one: nothing needs storing.
 */
const message = (tenant: string, userId: string, email: string, expiresAtSeconds: number) =>
  `${tenant}/${userId}/${email}/${expiresAtSeconds}`;

export function mintVerificationToken(
  key: SigningKey,
  link: { tenant: string; userId: string; email: string },
  expiresAtMs: number,
): string {
  const expires = Math.floor(expiresAtMs / 1000);
  return `${link.userId}.${expires}.${key.mac(message(link.tenant, link.userId, link.email, expires))}`;
}

/** The user and expiry a token claims; the MAC is checked against the user's address by `verificationHolds`. */
export function parseVerificationToken(token: string): { userId: string; expiresAtMs: number; mac: string } | null {
  const [userId, expires, mac, ...extra] = token.split('.');
  if (extra.length || !isUuid(userId) || !/^\d{1,12}$/.test(expires ?? '') || !/^[A-Za-z0-9_-]{43}$/.test(mac ?? ''))
    return null;
  return { userId, expiresAtMs: Number(expires) * 1000, mac };
}

export function verificationHolds(
  key: SigningKey,
  parsed: { userId: string; expiresAtMs: number; mac: string },
  link: { tenant: string; email: string },
  nowMs: number,
): boolean {
  const expected = Buffer.from(key.mac(message(link.tenant, parsed.userId, link.email, parsed.expiresAtMs / 1000)));
  const given = Buffer.from(parsed.mac);
  return expected.length === given.length && timingSafeEqual(expected, given) && nowMs < parsed.expiresAtMs;
}
