import { DomainError } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { CredentialData } from './credential.state';
import { assertTokenHash, instant } from './secrets';

/**
 * Rotates a refresh token. The application parsed the session id out of the
 * token, hashed its secret (`presentedTokenHash`), minted the next token and
 * loaded the tenant's status. Reuse is recorded, not thrown: the result is a
 * SessionRevoked(refresh_token_reused) that the caller stores before it
 * answers 401, because a spent token coming back means someone copied it.
 */
export interface RefreshSession {
  sessionId: string;
  presentedTokenHash: string;
  newRefreshTokenHash: string;
  tenant: { status: 'active' | 'suspended' };
}

type Event = identity.IdentityCredentialV1Event;

export function decideRefresh(state: CredentialData, data: RefreshSession, now: string): Event[] {
  const { userId } = state;
  const session = state.sessions[data.sessionId];
  if (!session) throw new DomainError('session-not-active', { sessionId: data.sessionId });
  const presented = assertTokenHash(data.presentedTokenHash, 'presentedTokenHash');
  const { sessionId } = session;
  if (session.spentHashes.includes(presented))
    return [identity.sessionRevoked({ userId, sessionId, reason: 'refresh_token_reused', revokedAt: now })];
  if (presented !== session.currentHash) throw new DomainError('refresh-token-invalid', { sessionId });
  if (instant(now) >= instant(session.expiresAt)) throw new DomainError('session-expired', { sessionId });
  if (data.tenant.status === 'suspended') throw new DomainError('tenant-suspended');
  const next = assertTokenHash(data.newRefreshTokenHash, 'newRefreshTokenHash');
  if (next === session.currentHash || session.spentHashes.includes(next))
    throw new DomainError('refresh-token-not-rotated', { sessionId });
  return [identity.sessionRefreshed({ userId, sessionId, refreshTokenHash: next, refreshedAt: now })];
}

export function revokeAll(state: CredentialData, reason: identity.SessionRevocationReason, now: string): Event[] {
  return Object.keys(state.sessions).map((sessionId) =>
    identity.sessionRevoked({ userId: state.userId, sessionId, reason, revokedAt: now }),
  );
}
