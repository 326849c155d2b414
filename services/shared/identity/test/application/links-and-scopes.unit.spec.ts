import { generateKeyPair, exportJWK, jwtVerify, createLocalJWKSet } from 'jose';
import { assertMayManageGrants, mayManageGrant } from '../../src/application/admin-scope';
import {
  mintVerificationToken,
  parseVerificationToken,
  verificationHolds,
} from '../../src/application/email-verification';
import { SigningKey } from '../../src/application/signing-key';
import type { Grant } from '../../src/domain';

const userId = '01a209c6-364a-7485-9cef-cb741c3f3606';
const school = '11111111-1111-4111-8111-111111111111';
const otherSchool = '22222222-2222-4222-8222-222222222222';

async function signingKey() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return SigningKey.fromJwk(JSON.stringify(await exportJWK(privateKey)));
}

describe('rule: an access token carries the claims every service reads', () => {
  it('is ES256 with a kid, verifiable with the public JWKS alone', async () => {
    const key = await signingKey();
    const grants: Grant[] = [
      { role: 'teacher', scopeType: 'school', scopeId: school },
      { role: 'teacher', scopeType: 'school', scopeId: otherSchool },
    ];
    const token = await key.accessToken({ tenant: 'acme', userId, sessionId: userId, grants }, Date.now(), 900);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(key.jwks()), {
      issuer: 'hexfleet-identity',
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: key.kid });
    expect(payload).toMatchObject({ sub: userId, tenant: 'acme', roles: ['teacher'], grants, sid: userId });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
    expect(JSON.stringify(key.jwks())).not.toContain('"d"');
  });

  it('refuses a key that is not a private P-256 JWK', async () => {
    await expect(SigningKey.fromJwk('not json')).rejects.toThrow('SIGNING_KEY_JWK is not JSON');
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    await expect(SigningKey.fromJwk(JSON.stringify(await exportJWK(publicKey)))).rejects.toThrow('private EC P-256');
  });
});

describe('rule: an email-verification link verifies one address of one user of one tenant, until it expires', () => {
  const now = Date.UTC(2026, 10, 24);
  const link = { tenant: 'acme', userId, email: 'ana@example.org' };

  it('holds for what it was minted for, and for nothing else', async () => {
    const key = await signingKey();
    const token = mintVerificationToken(key, link, now + 3600_000);
    const parsed = parseVerificationToken(token);
    expect(parsed?.userId).toBe(userId);
    if (!parsed) return;
    expect(verificationHolds(key, parsed, link, now)).toBe(true);
    expect(verificationHolds(key, parsed, { ...link, email: 'new@example.org' }, now)).toBe(false);
    expect(verificationHolds(key, parsed, { ...link, tenant: 'other' }, now)).toBe(false);
    expect(verificationHolds(key, parsed, link, now + 3600_000)).toBe(false);
    expect(verificationHolds(await signingKey(), parsed, link, now)).toBe(false);
    const stretched = parseVerificationToken(token.replace(/\.\d+\./, `.${(now + 86400_000 * 365) / 1000}.`));
    expect(stretched && verificationHolds(key, stretched, link, now)).toBe(false);
    expect(parseVerificationToken('garbage')).toBeNull();
  });
});

describe('rule: admins grant within their scope; a school admin never grants admin roles', () => {
  const hq: Grant[] = [{ role: 'hq-admin', scopeType: 'tenant', scopeId: null }];
  const head: Grant[] = [{ role: 'school-admin', scopeType: 'school', scopeId: school }];
  const at = (role: string, scopeType: Grant['scopeType'], scopeId: string | null) =>
    ({ role, scopeType, scopeId }) as Grant;

  it('lets a tenant admin grant anything in the tenant', () => {
    expect(mayManageGrant(hq, at('school-admin', 'school', otherSchool))).toBe(true);
    expect(mayManageGrant(hq, at('student', 'group', school))).toBe(true);
  });

  it('lets a school admin grant staff and pupil roles of their own school only', () => {
    expect(mayManageGrant(head, at('teacher', 'school', school))).toBe(true);
    expect(mayManageGrant(head, at('teacher', 'school', otherSchool))).toBe(false);
    expect(mayManageGrant(head, at('school-admin', 'school', school))).toBe(false);
    expect(mayManageGrant(head, at('student', 'group', school))).toBe(false);
    expect(mayManageGrant([], at('teacher', 'school', school))).toBe(false);
    expect(() =>
      assertMayManageGrants(head, [at('teacher', 'school', school), at('hq-admin', 'tenant', null)]),
    ).toThrow('You may not grant or revoke hq-admin on tenant');
  });
});
