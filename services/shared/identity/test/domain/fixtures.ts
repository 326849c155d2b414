import { identity } from '@hexfleet/schemas';
import { DEFAULT_LOCKOUT_POLICY, type LogIn } from '../../src/domain';

export const NOW = '2026-03-02T09:00:00.000Z';
export const at = (offsetSeconds: number) => new Date(Date.parse(NOW) + offsetSeconds * 1000).toISOString();
export const meta = (now = NOW) => ({ metadata: { now } });

export const USER = '018f3a2e-7b1c-7d00-8a00-000000000001';
export const ADMIN = '018f3a2e-7b1c-7d00-8a00-000000000002';
export const OTHER_USER = '018f3a2e-7b1c-7d00-8a00-000000000003';
export const SCHOOL = '018f3a2e-7b1c-7d00-8a00-0000000000a1';
export const GROUP = '018f3a2e-7b1c-7d00-8a00-0000000000b1';
export const EMPLOYEE = '018f3a2e-7b1c-7d00-8a00-0000000000c1';
export const STUDENT = '018f3a2e-7b1c-7d00-8a00-0000000000d1';
export const SESSION = '018f3a2e-7b1c-7d00-8a00-0000000000e1';
export const SESSION_2 = '018f3a2e-7b1c-7d00-8a00-0000000000e2';

export const ARGON = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
export const SCRYPT = '$scrypt$ln=17,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
/** A SHA-256 digest in hex, distinct per seed character. */
export const sha = (seed: string) => seed.repeat(64).slice(0, 64);

export const userRegistered = (product: identity.Product = 'business') =>
  identity.userRegistered({
    userId: USER,
    product,
    email: 'ana@acme.test',
    displayName: 'Ana Silva',
    registeredVia: 'self_registration',
    registeredAt: NOW,
  });

export const credentialCreated = (passwordHash: string | null = ARGON) =>
  identity.credentialCreated({ userId: USER, passwordHash, createdAt: NOW });

export const sessionStarted = (sessionId = SESSION, hash = sha('a'), expiresAt = at(30 * 86400)) =>
  identity.sessionStarted({ userId: USER, sessionId, refreshTokenHash: hash, expiresAt, startedAt: NOW });

export const loginData = (overrides: Partial<LogIn> = {}): LogIn => ({
  sessionId: SESSION,
  refreshTokenHash: sha('a'),
  sessionExpiresAt: at(30 * 86400),
  passwordVerified: true,
  totp: null,
  tenant: { status: 'active' },
  policy: DEFAULT_LOCKOUT_POLICY,
  clientIp: '203.0.113.7',
  userAgent: 'jest',
  ...overrides,
});

export const loginFailed = (reason: identity.LoginFailureReason, failedAt = NOW, countsTowardLockout = true) =>
  identity.loginFailed({
    userId: USER,
    reason,
    countsTowardLockout,
    clientIp: '203.0.113.7',
    userAgent: 'jest',
    failedAt,
  });
