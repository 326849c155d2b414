import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '@hexfleet/kernel';

/**
 * Refresh, invitation and reset tokens: 32 random bytes (base64url) prefixed
 * by the ids that say which stream to load, e.g. `<userId>.<secret>`. Only
 * the SHA-256 of the whole token is stored; the token is random, so a fast
 * hash is enough, and a changed prefix simply matches nothing.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const secret = () => randomBytes(32).toString('base64url');
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A link token (invitation, password reset) for the user's credential stream. */
export function mintLinkToken(userId: string): { token: string; hash: string } {
  const token = `${userId}.${secret()}`;
  return { token, hash: hashToken(token) };
}

/** The user a link token names, or null when it is not one of ours. */
export function linkTokenUser(token: string): string | null {
  const [userId, rest, ...extra] = token.split('.');
  return extra.length === 0 && isUuid(userId) && SECRET.test(rest ?? '') ? userId : null;
}

/** A refresh token: the session (a rotating family) of the user's credential stream. */
export function mintRefreshToken(userId: string, sessionId: string): { token: string; hash: string } {
  const token = `${userId}.${sessionId}.${secret()}`;
  return { token, hash: hashToken(token) };
}

export function parseRefreshToken(token: string): { userId: string; sessionId: string } | null {
  const [userId, sessionId, rest, ...extra] = token.split('.');
  if (extra.length || !isUuid(userId) || !isUuid(sessionId ?? '') || !SECRET.test(rest ?? '')) return null;
  return { userId, sessionId };
}
