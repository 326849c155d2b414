import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { credentialDecider, type CredentialCommand, type LogIn } from '../../src/domain';
import {
  at,
  credentialCreated,
  loginData,
  loginFailed,
  meta,
  NOW,
  SESSION,
  sessionStarted,
  sha,
  USER,
} from './fixtures';

const given = deciderSpec(credentialDecider);
const logIn = (overrides: Partial<LogIn> = {}, now = NOW): CredentialCommand => ({
  type: 'LogIn',
  data: loginData(overrides),
  ...meta(now),
});
const succeeded = (totpStep: number | null = null) =>
  identity.loginSucceeded({
    userId: USER,
    sessionId: SESSION,
    secondFactor: totpStep !== null,
    totpStep,
    clientIp: '203.0.113.7',
    userAgent: 'jest',
    succeededAt: NOW,
  });
const notCounted = (reason: identity.LoginFailureReason) => loginFailed(reason, NOW, false);
const totpOn = identity.totpEnabled({ userId: USER, secretCiphertext: 'v1:kms:Zm9v', enabledAt: at(-86400) });
const locked = identity.accountLocked({ userId: USER, failures: 5, lockedUntil: at(900), lockedAt: NOW });
const fourFailures = [at(-600), at(-300), at(-120), at(-60)].map((t) => loginFailed('bad_password', t));
const disabled = identity.credentialDisabled({ userId: USER, disabledAt: at(-10) });

describe('feature: log in (login audit)', () => {
  it('starts a session and records LoginSucceeded with the client', () => {
    given([credentialCreated()]).when(logIn()).then([succeeded(), sessionStarted()]);
  });

  it('records LoginFailed with its reason for a wrong password', () => {
    given([credentialCreated()])
      .when(logIn({ passwordVerified: false }))
      .then([loginFailed('bad_password')]);
  });

  it('records a refusal for a user who has no password yet, without counting it', () => {
    given([credentialCreated(null)])
      .when(logIn())
      .then([notCounted('password_not_set')]);
  });

  it('refuses a bad session id, a taken one, an expiry in the past, a raw refresh token', () => {
    given([credentialCreated()])
      .when(logIn({ sessionId: 's1' }))
      .thenThrows('invalid-session-id');
    given([credentialCreated(), sessionStarted()]).when(logIn()).thenThrows('session-id-taken');
    given([credentialCreated()])
      .when(logIn({ sessionExpiresAt: NOW }))
      .thenThrows('invalid-expiry');
    given([credentialCreated()])
      .when(logIn({ refreshTokenHash: 'raw.refresh.token' }))
      .thenThrows('token-not-hashed');
    given([]).when(logIn()).thenThrows('credential-not-found');
  });
});

describe('rule: a suspended tenant blocks login', () => {
  it('records the refusal even with the right password', () => {
    given([credentialCreated()])
      .when(logIn({ tenant: { status: 'suspended' } }))
      .then([notCounted('tenant_suspended')]);
  });

  it('refuses to refresh a session of the suspended tenant, so its sessions die at their next refresh', () => {
    given([credentialCreated(), sessionStarted()])
      .when({
        type: 'RefreshSession',
        data: {
          sessionId: SESSION,
          presentedTokenHash: sha('a'),
          newRefreshTokenHash: sha('b'),
          tenant: { status: 'suspended' },
        },
        ...meta(at(60)),
      })
      .thenThrows('tenant-suspended');
  });
});

describe('rule: deactivation revokes all sessions and blocks login and new roles (credential stream)', () => {
  it('disabling the credential revokes every open session, then disables', () => {
    given([credentialCreated(), sessionStarted(), sessionStarted('018f3a2e-7b1c-7d00-8a00-0000000000e2', sha('b'))])
      .when({ type: 'DisableCredential', data: {}, ...meta() })
      .then([
        identity.sessionRevoked({ userId: USER, sessionId: SESSION, reason: 'user_deactivated', revokedAt: NOW }),
        identity.sessionRevoked({
          userId: USER,
          sessionId: '018f3a2e-7b1c-7d00-8a00-0000000000e2',
          reason: 'user_deactivated',
          revokedAt: NOW,
        }),
        identity.credentialDisabled({ userId: USER, disabledAt: NOW }),
      ]);
  });

  it('refuses login with the right password once disabled', () => {
    given([credentialCreated(), disabled])
      .when(logIn())
      .then([notCounted('user_deactivated')]);
  });

  it('refuses password, reset and TOTP changes while disabled', () => {
    given([credentialCreated(), disabled])
      .when({
        type: 'ChangePassword',
        data: { currentPasswordVerified: true, newPasswordHash: '$scrypt$ln=17,r=8,p=1$abcdefghijklmnop' },
        ...meta(),
      })
      .thenThrows('credential-disabled');
    given([credentialCreated(), disabled])
      .when({
        type: 'RequestPasswordReset',
        data: { tokenHash: sha('1'), purpose: 'reset', expiresAt: at(60) },
        ...meta(),
      })
      .thenThrows('credential-disabled');
  });

  it('enables again on reactivation; repeated toggles are refused', () => {
    given([credentialCreated(), disabled])
      .when({ type: 'EnableCredential', data: {}, ...meta() })
      .then([identity.credentialEnabled({ userId: USER, enabledAt: NOW })]);
    given([credentialCreated(), disabled])
      .when({ type: 'DisableCredential', data: {}, ...meta() })
      .thenThrows('credential-already-disabled');
    given([credentialCreated()])
      .when({ type: 'EnableCredential', data: {}, ...meta() })
      .thenThrows('credential-not-disabled');
  });

  it('lets the user log in after reactivation', () => {
    const enabled = identity.credentialEnabled({ userId: USER, enabledAt: at(-5) });
    given([credentialCreated(), disabled, enabled]).when(logIn()).then([succeeded(), sessionStarted()]);
  });
});

describe('rule: brute-force lockout per account (5 failures in 15 minutes lock it for 15 minutes)', () => {
  it('locks on the fifth counted failure inside the window', () => {
    given([credentialCreated(), ...fourFailures])
      .when(logIn({ passwordVerified: false }))
      .then([loginFailed('bad_password'), locked]);
  });

  it('does not count failures older than the window', () => {
    const old = loginFailed('bad_password', at(-901));
    given([credentialCreated(), old, ...fourFailures.slice(1)])
      .when(logIn({ passwordVerified: false }))
      .then([loginFailed('bad_password')]);
  });

  it('refuses even the right password while locked, without extending the lock', () => {
    given([credentialCreated(), locked])
      .when(logIn({}, at(899)))
      .then([loginFailed('account_locked', at(899), false)]);
  });

  it('accepts the right password once the lock has run out', () => {
    const later = at(900);
    given([credentialCreated(), locked])
      .when(logIn({ sessionExpiresAt: at(86400) }, later))
      .then([
        { ...succeeded(), data: { ...succeeded().data, succeededAt: later } },
        identity.sessionStarted({
          userId: USER,
          sessionId: SESSION,
          refreshTokenHash: sha('a'),
          expiresAt: at(86400),
          startedAt: later,
        }),
      ]);
  });

  it('starts counting afresh after a successful login', () => {
    given([credentialCreated(), ...fourFailures, succeeded()])
      .when(logIn({ passwordVerified: false }))
      .then([loginFailed('bad_password')]);
  });

  it('lifts the lock when the password is reset through a link', () => {
    const reset = identity.passwordSet({
      userId: USER,
      passwordHash: '$scrypt$ln=17,r=8,p=1$abcdefghijklmnop',
      resetTokenHash: sha('1'),
      setAt: at(10),
    });
    given([credentialCreated(), locked, reset])
      .when(logIn({}, at(20)))
      .then([
        { ...succeeded(), data: { ...succeeded().data, succeededAt: at(20) } },
        identity.sessionStarted({
          userId: USER,
          sessionId: SESSION,
          refreshTokenHash: sha('a'),
          expiresAt: at(30 * 86400),
          startedAt: at(20),
        }),
      ]);
  });

  it('follows the policy in the command', () => {
    const strict = { maxFailures: 2, windowSeconds: 60, lockSeconds: 3600 };
    given([credentialCreated(), loginFailed('bad_password', at(-30))])
      .when(logIn({ passwordVerified: false, policy: strict }))
      .then([
        loginFailed('bad_password'),
        identity.accountLocked({ userId: USER, failures: 2, lockedUntil: at(3600), lockedAt: NOW }),
      ]);
  });
});

describe('feature: TOTP second factor at login', () => {
  it('asks for the code when TOTP is on, without counting a failure', () => {
    given([credentialCreated(), totpOn])
      .when(logIn())
      .then([notCounted('second_factor_required')]);
  });

  it('logs in with a verified code and records its time step', () => {
    given([credentialCreated(), totpOn])
      .when(logIn({ totp: { verified: true, step: 100 } }))
      .then([succeeded(100), sessionStarted()]);
  });

  it('counts a wrong code toward the lockout', () => {
    given([credentialCreated(), totpOn])
      .when(logIn({ totp: { verified: false, step: 100 } }))
      .then([loginFailed('bad_second_factor')]);
  });

  it('refuses a code whose time step was already used', () => {
    given([credentialCreated(), totpOn, succeeded(100)])
      .when(logIn({ sessionId: '018f3a2e-7b1c-7d00-8a00-0000000000e3', totp: { verified: true, step: 100 } }))
      .then([loginFailed('second_factor_replayed')]);
  });
});
