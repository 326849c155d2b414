import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { credentialDecider, type CredentialCommand } from '../../src/domain';
import {
  ARGON,
  at,
  credentialCreated,
  meta,
  NOW,
  SCRYPT,
  SESSION,
  SESSION_2,
  sessionStarted,
  sha,
  USER,
} from './fixtures';

const given = deciderSpec(credentialDecider);
const requestReset = (
  tokenHash = sha('1'),
  expiresAt = at(3600),
  purpose: identity.ResetPurpose = 'reset',
): CredentialCommand => ({
  type: 'RequestPasswordReset',
  data: { tokenHash, purpose, expiresAt },
  ...meta(),
});
const resetRequested = (tokenHash = sha('1'), expiresAt = at(3600), purpose: identity.ResetPurpose = 'reset') =>
  identity.passwordResetRequested({ userId: USER, tokenHash, purpose, expiresAt, requestedAt: NOW });
const reset = (tokenHash = sha('1'), now = at(60), newPasswordHash = SCRYPT): CredentialCommand => ({
  type: 'ResetPassword',
  data: { tokenHash, newPasswordHash },
  ...meta(now),
});
const passwordSetByReset = (tokenHash = sha('1'), setAt = at(60)) =>
  identity.passwordSet({ userId: USER, passwordHash: SCRYPT, resetTokenHash: tokenHash, setAt });
const change = (newPasswordHash: string, currentPasswordVerified = true): CredentialCommand => ({
  type: 'ChangePassword',
  data: { currentPasswordVerified, newPasswordHash },
  ...meta(),
});

describe('feature: a credential holds the password hash', () => {
  it('opens with a password (self-registration) or without one (invitation)', () => {
    given([])
      .when({ type: 'CreateCredential', data: { userId: USER, passwordHash: ARGON }, ...meta() })
      .then([credentialCreated()]);
    given([])
      .when({ type: 'CreateCredential', data: { userId: USER, passwordHash: null }, ...meta() })
      .then([credentialCreated(null)]);
    given([credentialCreated()])
      .when({ type: 'CreateCredential', data: { userId: USER, passwordHash: null }, ...meta() })
      .thenThrows('credential-already-exists');
    given([])
      .when({ type: 'CreateCredential', data: { userId: 'ana', passwordHash: null }, ...meta() })
      .thenThrows('invalid-user-id');
  });

  it('changes the password when the current one was verified', () => {
    given([credentialCreated()])
      .when(change(SCRYPT))
      .then([identity.passwordSet({ userId: USER, passwordHash: SCRYPT, resetTokenHash: null, setAt: NOW })]);
    given([credentialCreated()]).when(change(SCRYPT, false)).thenThrows('current-password-mismatch');
    given([credentialCreated(null)])
      .when(change(SCRYPT))
      .thenThrows('password-not-set');
    given([]).when(change(SCRYPT)).thenThrows('credential-not-found');
  });

  it('sets the first password of an invited user through an invitation link', () => {
    const invitation = resetRequested(sha('9'), at(7 * 86400), 'invitation');
    given([credentialCreated(null)])
      .when(requestReset(sha('9'), at(7 * 86400), 'invitation'))
      .then([invitation]);
    given([credentialCreated(null), invitation])
      .when(reset(sha('9')))
      .then([passwordSetByReset(sha('9'))]);
    given([credentialCreated()])
      .when(requestReset(sha('9'), at(60), 'invitation'))
      .thenThrows('password-already-set');
  });
});

describe('rule: passwords are hashed with a slow KDF', () => {
  it.each([ARGON, SCRYPT])('accepts a PHC string from argon2id or scrypt', (hash) => {
    given([credentialCreated()])
      .when(change(hash))
      .then([identity.passwordSet({ userId: USER, passwordHash: hash, resetTokenHash: null, setAt: NOW })]);
  });

  it.each([
    ['a plain password', 'correct horse battery staple'],
    ['a fast hash', sha('f')],
    ['bcrypt', '$2b$12$abcdefghijklmnopqrstuv'],
    ['argon2i (not id)', '$argon2i$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'],
  ])('refuses %s wherever a password enters', (_, hash) => {
    given([credentialCreated()]).when(change(hash)).thenThrows('password-not-hashed-with-kdf');
    given([])
      .when({ type: 'CreateCredential', data: { userId: USER, passwordHash: hash }, ...meta() })
      .thenThrows('password-not-hashed-with-kdf');
    given([credentialCreated(), resetRequested()])
      .when(reset(sha('1'), at(60), hash))
      .thenThrows('password-not-hashed-with-kdf');
  });
});

describe('rule: reset tokens are single-use and expire', () => {
  it('resets with the pending token before it expires, and ends every session', () => {
    given([credentialCreated(), sessionStarted(), sessionStarted(SESSION_2, sha('b')), resetRequested()])
      .when(reset())
      .then([
        passwordSetByReset(),
        identity.sessionRevoked({ userId: USER, sessionId: SESSION, reason: 'password_reset', revokedAt: at(60) }),
        identity.sessionRevoked({ userId: USER, sessionId: SESSION_2, reason: 'password_reset', revokedAt: at(60) }),
      ]);
  });

  it('refuses the same token a second time', () => {
    given([credentialCreated(), resetRequested(), passwordSetByReset()])
      .when(reset(sha('1'), at(120)))
      .thenThrows('reset-token-used');
  });

  it('refuses a token at or after its expiry', () => {
    given([credentialCreated(), resetRequested()])
      .when(reset(sha('1'), at(3600)))
      .thenThrows('reset-token-expired');
  });

  it('refuses an unknown token, and one superseded by a newer request', () => {
    given([credentialCreated(), resetRequested()])
      .when(reset(sha('2')))
      .thenThrows('reset-token-invalid');
    given([credentialCreated(), resetRequested(sha('1')), resetRequested(sha('2'))])
      .when(reset(sha('1')))
      .thenThrows('reset-token-invalid');
    given([credentialCreated()]).when(reset()).thenThrows('reset-token-invalid');
  });

  it('refuses a request whose link would already be expired', () => {
    given([credentialCreated()])
      .when(requestReset(sha('1'), NOW))
      .thenThrows('invalid-expiry');
  });
});

describe('rule: only hashes of reset and refresh tokens are stored', () => {
  it('refuses a raw token where its hash belongs', () => {
    given([credentialCreated()])
      .when(requestReset('raw-reset-token-from-the-mail'))
      .thenThrows('token-not-hashed', { field: 'tokenHash' });
    given([credentialCreated(), resetRequested()])
      .when(reset('raw-reset-token-from-the-mail'))
      .thenThrows('token-not-hashed');
  });
});

describe('feature: optional TOTP second factor', () => {
  const enable = (codeVerified = true): CredentialCommand => ({
    type: 'EnableTotp',
    data: { secretCiphertext: 'v1:kms:Zm9v', codeVerified },
    ...meta(),
  });
  const disable = (codeVerified = true): CredentialCommand => ({
    type: 'DisableTotp',
    data: { codeVerified },
    ...meta(),
  });
  const enabled = identity.totpEnabled({ userId: USER, secretCiphertext: 'v1:kms:Zm9v', enabledAt: NOW });

  it('enables with a verified code and the encrypted secret, and disables with a verified code', () => {
    given([credentialCreated()]).when(enable()).then([enabled]);
    given([credentialCreated(), enabled])
      .when(disable())
      .then([identity.totpDisabled({ userId: USER, disabledAt: NOW })]);
  });

  it('refuses an unverified code, a second enable, a disable without TOTP, or no secret', () => {
    given([credentialCreated()]).when(enable(false)).thenThrows('totp-code-invalid');
    given([credentialCreated(), enabled]).when(enable()).thenThrows('totp-already-enabled');
    given([credentialCreated(), enabled]).when(disable(false)).thenThrows('totp-code-invalid');
    given([credentialCreated()]).when(disable()).thenThrows('totp-not-enabled');
    given([credentialCreated()])
      .when({ type: 'EnableTotp', data: { secretCiphertext: '', codeVerified: true }, ...meta() })
      .thenThrows('totp-secret-required');
  });
});
