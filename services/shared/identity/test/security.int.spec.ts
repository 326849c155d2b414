import { fixedClock } from '@hexfleet/kernel';
import { TokenVerifier } from '@hexfleet/platform';
import { unsignedToken } from '@hexfleet/testing';
import { decodeJwt } from 'jose';
import { SigningKey } from '../src/application/signing-key';
import { expectStatus, invite, PASSWORD, Person, provisionTenant } from './support/accounts';
import { IdentityHarness, newSigningKeyJwk, startIdentity } from './support/identity-harness';

// Acceptance: lockout, per-address limit, forged/expired tokens, another tenant's ids, deactivation.
describe('what identity refuses', () => {
  let service: IdentityHarness;
  const clock = fixedClock(new Date().toISOString());

  beforeAll(async () => {
    service = await startIdentity({ ADDRESS_MAX_FAILURES: '30' }, clock);
  });
  afterAll(() => service?.close());

  it('20 wrong passwords lock the account: the right one is refused until the lock ends', async () => {
    const { tenant, adminToken } = await provisionTenant(service);
    const { person, userId } = await invite(service, tenant, adminToken, [{ role: 'employee' }], 'victim');
    await person.signIn();

    const statuses: number[] = [];
    let last = await person.login('wrong password');
    for (let i = 0; i < 20; i++) {
      last = await person.login(`wrong password ${i}`);
      statuses.push(last.status);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    const locked = await person.login(PASSWORD);
    console.log(`20 wrong passwords -> ${statuses.length} x 401; then the right password -> ${locked.status}`);
    expect(locked.status).toBe(401);
    // Indistinguishable from a wrong password: the lock tells a guesser nothing.
    expect(locked.body.detail).toBe(last.body.detail);

    // Even a refusal's answer carries the consistency token of what it stored: the audit waits for it.
    const audit = expectStatus(
      await service.call('GET', `/login-audit?userId=${userId}&limit=100`, {
        token: adminToken,
        headers: { 'x-consistency-token': locked.headers.get('x-consistency-token') ?? '' },
      }),
      200,
    );
    expect(audit.headers.get('x-consistency')).toBe('fresh');
    const lock = (audit.body.items ?? []).find((row) => row.outcome === 'locked');
    const lockedUntil = String(lock?.lockedUntil);
    const seconds = (Date.parse(lockedUntil) - clock.now().getTime()) / 1000;
    console.log(`login audit: locked at ${String(lock?.at)} until ${lockedUntil} (lock period ${seconds} s)`);
    expect(seconds).toBeGreaterThan(0);

    clock.advance(seconds * 1000 - 1000);
    expect((await person.login(PASSWORD)).status).toBe(401);
    clock.advance(2000);
    const after = await person.login(PASSWORD);
    console.log(`1 s before the lock ends -> 401; 1 s after -> ${after.status}`);
    expect(after.status).toBe(200);
  });

  it('an address with too many failures gets 429, even for a right password', async () => {
    const { tenant, admin } = await provisionTenant(service);
    const stranger = new Person(service, tenant, 'nobody@nowhere.example');
    const spoofer = new Person(service, tenant, admin.email);
    Object.assign(spoofer, { address: stranger.address });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await stranger.login(`guess ${i}`)).status);
    const blocked = await spoofer.login(PASSWORD);
    console.log(
      `31 failed logins from ${stranger.address}: ${statuses.filter((s) => s === 401).length} x 401, ` +
        `${statuses.filter((s) => s === 429).length} x 429; the admin's right password from there -> ${blocked.status}`,
    );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect((await admin.login(PASSWORD)).status).toBe(200); // from another address
  });

  it('refuses forged, unsigned and expired tokens; other services accept the real ones unchanged', async () => {
    const { tenant, adminUserId, adminToken } = await provisionTenant(service);
    const claims = { tenant, userId: adminUserId, sessionId: crypto.randomUUID(), grants: [] };
    const otherKey = await SigningKey.fromJwk(await newSigningKeyJwk());
    const ownKey = await SigningKey.fromJwk(String(service.env.SIGNING_KEY_JWK));
    const tokens = {
      none: unsignedToken({ tenant, userId: adminUserId }),
      otherKey: await otherKey.accessToken(claims, Date.now(), 900),
      expired: await ownKey.accessToken(claims, Date.now() - 3600_000, 900),
      missing: '',
    };
    const replies = Object.fromEntries(
      await Promise.all(
        Object.entries(tokens).map(
          async ([name, token]) => [name, await service.call('GET', '/me', { token })] as const,
        ),
      ),
    );
    console.log(
      `GET /me with ${Object.entries(replies)
        .map(([k, r]) => `${k} -> ${r.status}`)
        .join(', ')}`,
    );
    for (const reply of Object.values(replies)) {
      expect(reply.status).toBe(401);
      expect(reply.body.userId).toBeUndefined();
    }

    // The platform's verifier, as every other service runs it, fed by the JWKS endpoint.
    const verifier = new TokenVerifier({
      jwksUrl: `${service.url}/.well-known/jwks.json`,
      issuer: 'hexfleet-identity',
    });
    const principal = await verifier.verify(adminToken);
    console.log(`TokenVerifier (JWKS_URL) reads ${JSON.stringify({ ...principal, token: '...' })}`);
    expect(principal).toMatchObject({ tenant, userId: adminUserId, roles: ['tenant-admin'] });
  });

  it("a token of tenant B asking for tenant A's user ids gets 404 and changes nothing", async () => {
    const a = await provisionTenant(service);
    const b = await provisionTenant(service);
    const { userId } = await invite(service, a.tenant, a.adminToken, [{ role: 'employee' }], 'target');
    const eventsOf = async (id: string) =>
      (
        await service.db.pool.query(`select count(*)::int as n from eventstore.events where stream_id like $1`, [
          `%/${id}`,
        ])
      ).rows[0].n as number;
    const before = await eventsOf(userId);
    const asB = (method: string, route: string, body?: unknown) =>
      service.call(method, route, { token: b.adminToken, body });
    const replies = {
      read: await asB('GET', `/users/${userId}`),
      readAdmin: await asB('GET', `/users/${a.adminUserId}`),
      grant: await asB('POST', `/users/${userId}/grants`, { role: 'hr' }),
      revoke: await asB('DELETE', `/users/${userId}/grants`, { role: 'employee' }),
      deactivate: await asB('POST', `/users/${userId}/deactivate`, {}),
    };
    console.log(
      `tenant B's admin on tenant A's ids: ${Object.entries(replies)
        .map(([k, r]) => `${k} ${r.status}`)
        .join(', ')}`,
    );
    for (const reply of Object.values(replies)) {
      expect(reply.status).toBe(404);
      expect(reply.body.email).toBeUndefined();
    }
    expect(await eventsOf(userId)).toBe(before);
  });

  it('deactivation ends every session and blocks login until reactivation', async () => {
    const { tenant, admin, adminToken } = await provisionTenant(service);
    const { person, userId } = await invite(service, tenant, adminToken, [{ role: 'hr' }], 'leaver');
    const { refreshToken } = await person.signIn();
    expect(decodeJwt(adminToken).roles).toEqual(['tenant-admin']);

    expectStatus(await admin.call('POST', `/users/${userId}/deactivate`, { reason: 'left' }, adminToken), 204);
    const refresh = await person.call('POST', '/auth/refresh', { tenant, refreshToken });
    const login = await person.login();
    const grant = await admin.call('POST', `/users/${userId}/grants`, { role: 'manager' }, adminToken);
    console.log(
      `after deactivation: refresh -> ${refresh.status}, login -> ${login.status}, new role -> ${grant.status} ${String(grant.body.code)}`,
    );
    expect([refresh.status, login.status, grant.status, grant.body.code]).toEqual([401, 401, 409, 'user-deactivated']);

    expectStatus(await admin.call('POST', `/users/${userId}/reactivate`, undefined, adminToken), 204);
    expect((await person.login()).status).toBe(200);
    const self = await admin.call('POST', `/users/${decodeJwt(adminToken).sub}/deactivate`, {}, adminToken);
    expect([self.status, self.body.code]).toEqual([409, 'cannot-deactivate-self']);
  });
});
