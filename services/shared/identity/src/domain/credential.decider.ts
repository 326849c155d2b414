import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { Command } from './command';
import { type CredentialData, type CredentialEvent, type CredentialState, evolveCredential } from './credential.state';
import { decideLogin, type LogIn } from './login';
import { assertKdfHash, assertTokenHash, instant } from './secrets';
import { decideRefresh, type RefreshSession, revokeAll } from './sessions';

/**
 * Stream `<tenant>/credential/<userId>`, published on the internal
 * identity.credential.v1 topic: it holds only hashes (KDF for passwords,
 * SHA-256 for tokens) and the encrypted TOTP secret. Its version guards the
 * lockout count, single-use reset tokens, refresh-token rotation, and
 * "deactivation revokes all sessions and blocks login". Verifying a password
 * or a code is the application's job; the result arrives in the command.
 */
export type CredentialCommand =
  | Command<'CreateCredential', { userId: string; passwordHash: string | null }>
  /** `currentPasswordVerified`: the caller checked the old password against `passwordHash`. */
  | Command<'ChangePassword', { currentPasswordVerified: boolean; newPasswordHash: string }>
  | Command<'RequestPasswordReset', { tokenHash: string; purpose: identity.ResetPurpose; expiresAt: string }>
  | Command<'ResetPassword', { tokenHash: string; newPasswordHash: string }>
  /** `codeVerified`: a code from the new authenticator matched the secret, so the user can log in afterwards. */
  | Command<'EnableTotp', { secretCiphertext: string; codeVerified: boolean }>
  | Command<'DisableTotp', { codeVerified: boolean }>
  | Command<'LogIn', LogIn>
  | Command<'RefreshSession', RefreshSession>
  | Command<'RevokeSession', { sessionId: string }>
  | Command<'RevokeAllSessions', Record<string, never>>
  /** With DeactivateUser on the user stream, in one transaction. */
  | Command<'DisableCredential', Record<string, never>>
  /** With ReactivateUser on the user stream, in one transaction. */
  | Command<'EnableCredential', Record<string, never>>;

type Opened = Exclude<CredentialState, { status: 'none' }>;

function opened(state: CredentialState): Opened {
  if (state.status === 'none') throw new DomainError('credential-not-found');
  return state;
}

function enabled(state: CredentialState): CredentialData {
  const credential = opened(state);
  if (credential.status === 'disabled') throw new DomainError('credential-disabled', { userId: credential.userId });
  return credential;
}

function decide(command: CredentialCommand, state: CredentialState): CredentialEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'CreateCredential': {
      if (state.status !== 'none') throw new DomainError('credential-already-exists', { userId: state.userId });
      const { userId, passwordHash } = command.data;
      if (!isUuid(userId)) throw new DomainError('invalid-user-id', { userId });
      if (passwordHash !== null) assertKdfHash(passwordHash);
      return [identity.credentialCreated({ userId, passwordHash, createdAt: now })];
    }
    case 'ChangePassword': {
      const credential = enabled(state);
      if (credential.passwordHash === null) throw new DomainError('password-not-set');
      if (!command.data.currentPasswordVerified) throw new DomainError('current-password-mismatch');
      const passwordHash = assertKdfHash(command.data.newPasswordHash);
      return [identity.passwordSet({ userId: credential.userId, passwordHash, resetTokenHash: null, setAt: now })];
    }
    case 'RequestPasswordReset': {
      const credential = enabled(state);
      const { purpose, expiresAt } = command.data;
      const tokenHash = assertTokenHash(command.data.tokenHash, 'tokenHash');
      if (purpose === 'invitation' && credential.passwordHash !== null) throw new DomainError('password-already-set');
      if (instant(expiresAt) <= instant(now)) throw new DomainError('invalid-expiry', { expiresAt });
      return [
        identity.passwordResetRequested({ userId: credential.userId, tokenHash, purpose, expiresAt, requestedAt: now }),
      ];
    }
    case 'ResetPassword': {
      const credential = enabled(state);
      const tokenHash = assertTokenHash(command.data.tokenHash, 'tokenHash');
      if (credential.usedResetHashes.includes(tokenHash)) throw new DomainError('reset-token-used');
      const pending = credential.pendingReset;
      // Unknown and superseded look alike on purpose: neither tells a guesser anything.
      if (pending === null || pending.tokenHash !== tokenHash) throw new DomainError('reset-token-invalid');
      if (instant(now) >= instant(pending.expiresAt))
        throw new DomainError('reset-token-expired', { expiresAt: pending.expiresAt });
      const passwordHash = assertKdfHash(command.data.newPasswordHash);
      const set = identity.passwordSet({
        userId: credential.userId,
        passwordHash,
        resetTokenHash: tokenHash,
        setAt: now,
      });
      // Whoever knew the old password may hold a session: a reset ends them all.
      return [set, ...revokeAll(credential, 'password_reset', now)];
    }
    case 'EnableTotp': {
      const credential = enabled(state);
      if (credential.totp !== null) throw new DomainError('totp-already-enabled');
      if (!command.data.codeVerified) throw new DomainError('totp-code-invalid');
      const { secretCiphertext } = command.data;
      if (!secretCiphertext) throw new DomainError('totp-secret-required');
      return [identity.totpEnabled({ userId: credential.userId, secretCiphertext, enabledAt: now })];
    }
    case 'DisableTotp': {
      const credential = enabled(state);
      if (credential.totp === null) throw new DomainError('totp-not-enabled');
      if (!command.data.codeVerified) throw new DomainError('totp-code-invalid');
      return [identity.totpDisabled({ userId: credential.userId, disabledAt: now })];
    }
    case 'LogIn': {
      const credential = opened(state);
      return decideLogin(credential.status, credential, command.data, now);
    }
    case 'RefreshSession':
      return decideRefresh(opened(state), command.data, now);
    case 'RevokeSession': {
      const credential = opened(state);
      const { sessionId } = command.data;
      // Logging out twice is refused so a client learns its token was already dead.
      if (!credential.sessions[sessionId]) throw new DomainError('session-not-active', { sessionId });
      return [identity.sessionRevoked({ userId: credential.userId, sessionId, reason: 'logout', revokedAt: now })];
    }
    case 'RevokeAllSessions':
      // "Log out everywhere" with nothing open changes nothing: [] rather than an error.
      return revokeAll(opened(state), 'user_request', now);
    case 'DisableCredential': {
      const credential = opened(state);
      if (credential.status === 'disabled') throw new DomainError('credential-already-disabled');
      const disabled = identity.credentialDisabled({ userId: credential.userId, disabledAt: now });
      return [...revokeAll(credential, 'user_deactivated', now), disabled];
    }
    case 'EnableCredential': {
      const credential = opened(state);
      if (credential.status === 'enabled') throw new DomainError('credential-not-disabled');
      return [identity.credentialEnabled({ userId: credential.userId, enabledAt: now })];
    }
    default:
      return assertNever(command);
  }
}

export const credentialDecider: Decider<CredentialCommand, CredentialEvent, CredentialState> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveCredential,
};
