import { assertNever } from '@hexfleet/kernel';
import type { identity } from '@hexfleet/schemas';
import { instant } from './secrets';

export type CredentialEvent = identity.IdentityCredentialV1Event;

/** One refresh-token family: the current token and every token it already replaced (to detect reuse). */
export interface Session {
  sessionId: string;
  currentHash: string;
  spentHashes: string[];
  expiresAt: string;
}

export interface CredentialData {
  userId: string;
  passwordHash: string | null;
  /** The one reset link that works: a new request supersedes the previous one. */
  pendingReset: { tokenHash: string; purpose: identity.ResetPurpose; expiresAt: string } | null;
  usedResetHashes: string[];
  totp: { secretCiphertext: string; lastStep: number | null } | null;
  /** Counted failures since the last success or lock, oldest first; the window is applied at decision time. */
  failures: string[];
  lockedUntil: string | null;
  sessions: Record<string, Session>;
}

/**
 * Stream `<tenant>/credential/<userId>`. `disabled` mirrors a deactivated
 * user, written in the same transaction as UserDeactivated, so a login that
 * races the deactivation conflicts on this stream's version.
 */
export type CredentialState = { status: 'none' } | ({ status: 'enabled' | 'disabled' } & CredentialData);

const withoutSession = (sessions: Record<string, Session>, sessionId: string) =>
  Object.fromEntries(Object.entries(sessions).filter(([id]) => id !== sessionId));

// Expired families are forgotten when a new one starts, so the state does not grow with every login.
const liveAt = (sessions: Record<string, Session>, at: string) =>
  Object.fromEntries(Object.entries(sessions).filter(([, s]) => instant(s.expiresAt) > instant(at)));

export function evolveCredential(state: CredentialState, event: CredentialEvent): CredentialState {
  if (event.type === 'CredentialCreated') {
    const { userId, passwordHash } = event.data;
    const empty = {
      pendingReset: null,
      usedResetHashes: [],
      totp: null,
      failures: [],
      lockedUntil: null,
      sessions: {},
    };
    return { status: 'enabled', userId, passwordHash, ...empty };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PasswordSet': {
      const { passwordHash, resetTokenHash } = event.data;
      if (resetTokenHash === null) return { ...state, passwordHash };
      // A reset proves control of the mailbox, so it also lifts a lockout.
      const usedResetHashes = [...state.usedResetHashes, resetTokenHash];
      return { ...state, passwordHash, pendingReset: null, usedResetHashes, failures: [], lockedUntil: null };
    }
    case 'PasswordResetRequested': {
      const { tokenHash, purpose, expiresAt } = event.data;
      return { ...state, pendingReset: { tokenHash, purpose, expiresAt } };
    }
    case 'TotpEnabled':
      return { ...state, totp: { secretCiphertext: event.data.secretCiphertext, lastStep: null } };
    case 'TotpDisabled':
      return { ...state, totp: null };
    case 'LoginSucceeded': {
      const { totpStep } = event.data;
      const totp = state.totp && totpStep !== null ? { ...state.totp, lastStep: totpStep } : state.totp;
      return { ...state, totp, failures: [], lockedUntil: null };
    }
    case 'LoginFailed':
      return event.data.countsTowardLockout ? { ...state, failures: [...state.failures, event.data.failedAt] } : state;
    case 'AccountLocked':
      return { ...state, failures: [], lockedUntil: event.data.lockedUntil };
    case 'SessionStarted': {
      const { sessionId, refreshTokenHash, expiresAt, startedAt } = event.data;
      const session = { sessionId, currentHash: refreshTokenHash, spentHashes: [], expiresAt };
      return { ...state, sessions: { ...liveAt(state.sessions, startedAt), [sessionId]: session } };
    }
    case 'SessionRefreshed': {
      const session = state.sessions[event.data.sessionId];
      if (!session) return state;
      const rotated = {
        ...session,
        currentHash: event.data.refreshTokenHash,
        spentHashes: [...session.spentHashes, session.currentHash],
      };
      return { ...state, sessions: { ...state.sessions, [session.sessionId]: rotated } };
    }
    case 'SessionRevoked':
      return { ...state, sessions: withoutSession(state.sessions, event.data.sessionId) };
    case 'CredentialDisabled':
      return { ...state, status: 'disabled' };
    case 'CredentialEnabled':
      return { ...state, status: 'enabled' };
    default:
      return assertNever(event);
  }
}
