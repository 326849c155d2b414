import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { credentialDecider, type CredentialCommand, type RefreshSession } from '../../src/domain';
import { at, credentialCreated, meta, NOW, SESSION, SESSION_2, sessionStarted, sha, USER } from './fixtures';

const given = deciderSpec(credentialDecider);
const refresh = (
  presented: string,
  next: string,
  now = at(60),
  overrides: Partial<RefreshSession> = {},
): CredentialCommand => ({
  type: 'RefreshSession',
  data: {
    sessionId: SESSION,
    presentedTokenHash: presented,
    newRefreshTokenHash: next,
    tenant: { status: 'active' },
    ...overrides,
  },
  ...meta(now),
});
const refreshed = (hash: string, refreshedAt = at(60)) =>
  identity.sessionRefreshed({ userId: USER, sessionId: SESSION, refreshTokenHash: hash, refreshedAt });
const revoked = (reason: identity.SessionRevocationReason, sessionId = SESSION, revokedAt = NOW) =>
  identity.sessionRevoked({ userId: USER, sessionId, reason, revokedAt });
const open = [credentialCreated(), sessionStarted()];

describe('feature: sessions are refresh-token families that rotate', () => {
  it('rotates the current refresh token', () => {
    given(open)
      .when(refresh(sha('a'), sha('b')))
      .then([refreshed(sha('b'))]);
    given([...open, refreshed(sha('b'))])
      .when(refresh(sha('b'), sha('c'), at(120)))
      .then([refreshed(sha('c'), at(120))]);
  });

  it('refuses an unknown token, an expired family, a suspended tenant, a token that is not rotated', () => {
    given(open)
      .when(refresh(sha('9'), sha('b')))
      .thenThrows('refresh-token-invalid');
    given(open)
      .when(refresh(sha('a'), sha('b'), at(30 * 86400)))
      .thenThrows('session-expired');
    given(open)
      .when(refresh(sha('a'), sha('b'), at(60), { tenant: { status: 'suspended' } }))
      .thenThrows('tenant-suspended');
    given(open)
      .when(refresh(sha('a'), sha('a')))
      .thenThrows('refresh-token-not-rotated');
    given(open)
      .when(refresh(sha('a'), 'raw-token'))
      .thenThrows('token-not-hashed');
    given(open)
      .when(refresh(sha('a'), sha('b'), at(60), { sessionId: SESSION_2 }))
      .thenThrows('session-not-active');
  });

  it('logs out one session, and refuses a second logout of it', () => {
    given(open)
      .when({ type: 'RevokeSession', data: { sessionId: SESSION }, ...meta() })
      .then([revoked('logout')]);
    given([...open, revoked('logout')])
      .when({ type: 'RevokeSession', data: { sessionId: SESSION }, ...meta() })
      .thenThrows('session-not-active');
  });

  it('logs out everywhere; with nothing open there is nothing to record', () => {
    given([...open, sessionStarted(SESSION_2, sha('c'))])
      .when({ type: 'RevokeAllSessions', data: {}, ...meta() })
      .then([revoked('user_request'), revoked('user_request', SESSION_2)]);
    given([credentialCreated()])
      .when({ type: 'RevokeAllSessions', data: {}, ...meta() })
      .then([]);
  });

  it('refuses to refresh a revoked session', () => {
    given([...open, revoked('logout')])
      .when(refresh(sha('a'), sha('b')))
      .thenThrows('session-not-active');
  });

  it('forgets families that expired when a new one starts', () => {
    const shortLived = sessionStarted(SESSION, sha('a'), at(10));
    const later = identity.sessionStarted({
      userId: USER,
      sessionId: SESSION_2,
      refreshTokenHash: sha('c'),
      expiresAt: at(86400),
      startedAt: at(20),
    });
    given([credentialCreated(), shortLived, later])
      .when({ type: 'RevokeSession', data: { sessionId: SESSION }, ...meta(at(30)) })
      .thenThrows('session-not-active');
  });
});

describe('rule: a reused rotated refresh token revokes the family', () => {
  it('revokes the session when a spent token comes back', () => {
    given([...open, refreshed(sha('b'))])
      .when(refresh(sha('a'), sha('e'), at(90)))
      .then([revoked('refresh_token_reused', SESSION, at(90))]);
  });

  it('leaves the other families of the user alone', () => {
    given([...open, sessionStarted(SESSION_2, sha('c')), refreshed(sha('b'))])
      .when(refresh(sha('a'), sha('e'), at(90)))
      .then([revoked('refresh_token_reused', SESSION, at(90))]);
  });

  it('after the revocation, the current token is dead too', () => {
    given([...open, refreshed(sha('b')), revoked('refresh_token_reused', SESSION, at(90))])
      .when(refresh(sha('b'), sha('d'), at(100)))
      .thenThrows('session-not-active');
  });

  it('never accepts a spent token as the next one', () => {
    given([...open, refreshed(sha('b'))])
      .when(refresh(sha('b'), sha('a'), at(90)))
      .thenThrows('refresh-token-not-rotated');
  });
});
