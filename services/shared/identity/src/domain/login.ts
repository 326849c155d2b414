import { DomainError, isUuid } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { CredentialData } from './credential.state';
import { assertTokenHash, instant, plusSeconds } from './secrets';

/** Brute-force lockout per account. The per-address limit (many accounts, one client) is the adapter's rate limiter. */
export interface LockoutPolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

/**
 * A login attempt. The application found the user through the login-id
 * stream, verified the password against `passwordHash` with the KDF and the
 * TOTP code against the decrypted secret, and loaded the tenant's status.
 * A refused attempt is recorded, not thrown: the result holds LoginFailed
 * (and maybe AccountLocked) and the caller answers 401 after storing it.
 */
export interface LogIn {
  sessionId: string;
  refreshTokenHash: string;
  sessionExpiresAt: string;
  passwordVerified: boolean;
  /** null when the client sent no code; `step` is the TOTP time step the code matched. */
  totp: { verified: boolean; step: number } | null;
  tenant: { status: 'active' | 'suspended' };
  policy: LockoutPolicy;
  clientIp: string | null;
  userAgent: string | null;
}

type Status = 'enabled' | 'disabled';
type Failure = identity.LoginFailureReason;

// Only wrong guesses of a secret count; a missing code or a locked account is no guess.
const COUNTED: readonly Failure[] = ['bad_password', 'bad_second_factor', 'second_factor_replayed'];

function refusal(status: Status, state: CredentialData, data: LogIn, now: string): Failure | null {
  if (status === 'disabled') return 'user_deactivated';
  if (data.tenant.status === 'suspended') return 'tenant_suspended';
  if (state.lockedUntil !== null && instant(now) < instant(state.lockedUntil)) return 'account_locked';
  if (state.passwordHash === null) return 'password_not_set';
  if (!data.passwordVerified) return 'bad_password';
  if (state.totp === null) return null;
  if (data.totp === null) return 'second_factor_required';
  if (!data.totp.verified) return 'bad_second_factor';
  // A code seen once (even by a thief looking over a shoulder) never opens a second session.
  if (state.totp.lastStep !== null && data.totp.step <= state.totp.lastStep) return 'second_factor_replayed';
  return null;
}

export function decideLogin(
  status: Status,
  state: CredentialData,
  data: LogIn,
  now: string,
): identity.IdentityCredentialV1Event[] {
  const { userId } = state;
  const { clientIp, userAgent, policy } = data;
  const reason = refusal(status, state, data, now);
  if (reason !== null) {
    const countsTowardLockout = COUNTED.includes(reason);
    const failed = identity.loginFailed({ userId, reason, countsTowardLockout, clientIp, userAgent, failedAt: now });
    if (!countsTowardLockout) return [failed];
    const windowStart = instant(now) - policy.windowSeconds * 1000;
    const failures = state.failures.filter((at) => instant(at) > windowStart).length + 1;
    if (failures < policy.maxFailures) return [failed];
    const lockedUntil = plusSeconds(now, policy.lockSeconds);
    return [failed, identity.accountLocked({ userId, failures, lockedUntil, lockedAt: now })];
  }
  const { sessionId, sessionExpiresAt: expiresAt } = data;
  if (!isUuid(sessionId)) throw new DomainError('invalid-session-id', { sessionId });
  if (state.sessions[sessionId]) throw new DomainError('session-id-taken', { sessionId });
  if (instant(expiresAt) <= instant(now)) throw new DomainError('invalid-expiry', { expiresAt });
  const refreshTokenHash = assertTokenHash(data.refreshTokenHash, 'refreshTokenHash');
  const totpStep = state.totp !== null && data.totp !== null ? data.totp.step : null;
  return [
    identity.loginSucceeded({
      userId,
      sessionId,
      secondFactor: totpStep !== null,
      totpStep,
      clientIp,
      userAgent,
      succeededAt: now,
    }),
    identity.sessionStarted({ userId, sessionId, refreshTokenHash, expiresAt, startedAt: now }),
  ];
}
