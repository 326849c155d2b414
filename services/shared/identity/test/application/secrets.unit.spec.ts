import { randomBytes } from 'node:crypto';
import { assertKdfHash, assertTokenHash } from '../../src/domain';
import {
  hashToken,
  linkTokenUser,
  mintLinkToken,
  mintRefreshToken,
  parseRefreshToken,
} from '../../src/application/opaque-tokens';
import { hashPassword, verifyPassword } from '../../src/application/passwords';
import { decryptTotpSecret, encryptTotpSecret, newTotpSecret, totpStep } from '../../src/application/totp';
import { authenticator } from 'otplib';

const userId = '01a209c6-364a-7485-9cef-cb741c3f3606';
const sessionId = '01a209c6-39a1-711d-9f0a-fa213a6b1ed4';

describe('rule: passwords are hashed with a slow KDF', () => {
  it('stores a PHC scrypt string the credential accepts, salted per hash', async () => {
    const [a, b] = [await hashPassword('s3cret pass'), await hashPassword('s3cret pass')];
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(assertKdfHash(a)).toBe(a);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only, and a missing or foreign hash is a plain no', async () => {
    const hash = await hashPassword('s3cret pass', { ln: 10, r: 8, p: 1 });
    expect(await verifyPassword('s3cret pass', hash)).toBe(true);
    expect(await verifyPassword('s3cret pasS', hash)).toBe(false);
    expect(await verifyPassword('s3cret pass', null)).toBe(false);
    expect(await verifyPassword('s3cret pass', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA')).toBe(false);
    expect(await verifyPassword('s3cret pass', hash.replace('ln=10', 'ln=31'))).toBe(false);
  });
});

describe('rule: tokens are stored as SHA-256 only, and name the stream they belong to', () => {
  it('mints link tokens whose digest the credential accepts and whose user can be read back', () => {
    const { token, hash } = mintLinkToken(userId);
    expect(assertTokenHash(hash, 'tokenHash')).toBe(hashToken(token));
    expect(token).not.toContain(hash);
    expect(linkTokenUser(token)).toBe(userId);
    expect(linkTokenUser(`${token}x`)).toBeNull();
    expect(linkTokenUser(`not-a-uuid.${token.split('.')[1]}`)).toBeNull();
  });

  it('mints refresh tokens naming user and session; anything else parses to nothing', () => {
    const { token } = mintRefreshToken(userId, sessionId);
    expect(parseRefreshToken(token)).toEqual({ userId, sessionId });
    expect(mintRefreshToken(userId, sessionId).token).not.toBe(token);
    for (const bad of ['', 'garbage', `${userId}.${sessionId}`, `${token}.extra`, token.slice(0, -1)])
      expect(parseRefreshToken(bad)).toBeNull();
  });
});

describe('rule: the TOTP secret is stored encrypted, and a code is accepted for one step of drift', () => {
  const key = randomBytes(32);
  const owner = { tenant: 'acme', userId };

  it('decrypts only with the same key for the same tenant and user', () => {
    const secret = newTotpSecret();
    const sealed = encryptTotpSecret(key, owner, secret);
    expect(sealed).not.toContain(secret);
    expect(decryptTotpSecret(key, owner, sealed)).toBe(secret);
    expect(decryptTotpSecret(randomBytes(32), owner, sealed)).toBeNull();
    expect(decryptTotpSecret(key, { ...owner, userId: sessionId }, sealed)).toBeNull();
    expect(decryptTotpSecret(key, { ...owner, tenant: 'other' }, sealed)).toBeNull();
    expect(decryptTotpSecret(key, owner, 'v1.x.y.z')).toBeNull();
  });

  it('answers the step a code matched: now, one before, one after; never two away', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 24, 9, 0, 15);
    const step = Math.floor(now / 30_000);
    const codeAt = (ms: number) => authenticator.clone({ epoch: ms }).generate(secret);
    expect(totpStep(codeAt(now), secret, now)).toBe(step);
    expect(totpStep(codeAt(now - 30_000), secret, now)).toBe(step - 1);
    expect(totpStep(codeAt(now + 30_000), secret, now)).toBe(step + 1);
    expect(totpStep(codeAt(now - 60_000), secret, now)).toBeNull();
    expect(totpStep('12345', secret, now)).toBeNull();
  });
});
