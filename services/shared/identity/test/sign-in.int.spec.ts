import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expectStatus, PASSWORD, Person, provision } from './support/accounts';
import { IdentityHarness, startIdentity, uniqueTenant } from './support/identity-harness';

// Acceptance: provision -> invitation mail -> accept -> login -> /me -> refresh once, reuse refused.
describe('from a provisioned tenant to a signed-in admin', () => {
  let service: IdentityHarness;

  beforeAll(async () => {
    service = await startIdentity();
  });
  afterAll(() => service?.close());

  it('provisions, mails the invitation, accepts it, logs in and answers /me', async () => {
    const tenant = uniqueTenant('flow');
    const admin = new Person(service, tenant, `Boss@${tenant}.example`);
    const provisionIt = () =>
      provision(service, { slug: tenant, product: 'school', admin: admin.email, displayName: 'Boss' });
    const provisioned = expectStatus(await provisionIt(), 201);
    console.log(`POST /tenants -> 201 ${JSON.stringify(provisioned.body)}`);
    const again = await provisionIt();
    console.log(`same slug again -> ${again.status} ${String(again.body.code)}`);
    expect([again.status, again.body.code]).toEqual([409, 'tenant-exists']);

    const invitation = await admin.lastMail('invitation');
    console.log(
      `dev mailbox for ${admin.email}: "${invitation.subject}", token ${String(invitation.token).slice(0, 12)}...`,
    );
    expect(invitation).toMatchObject({ to: admin.email.toLowerCase(), tenant, purpose: 'invitation' });
    expect(invitation.text).toContain(String(invitation.token));

    // Before accepting there is no password: the same 401 as a wrong one.
    expect((await admin.login()).status).toBe(401);
    expectStatus(await admin.acceptInvitation(), 204);
    const reused = await admin.acceptInvitation('another password 2');
    console.log(`invitation link used twice -> ${reused.status} ${String(reused.body.code)}`);
    expect(reused.status).toBe(409);

    const login = expectStatus(await admin.login(), 200).body;
    expect(login).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const access = String(login.accessToken);
    const claims = decodeJwt(access);
    console.log(
      `access token header ${JSON.stringify(decodeProtectedHeader(access))} claims ${JSON.stringify(claims)}`,
    );
    expect(claims).toMatchObject({
      iss: 'hexfleet-identity',
      sub: provisioned.body.adminUserId,
      tenant,
      roles: ['hq-admin'],
      grants: [{ role: 'hq-admin', scopeType: 'tenant', scopeId: null }],
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);

    const me = expectStatus(await service.call('GET', '/me', { token: access }), 200).body;
    console.log(`GET /me -> ${JSON.stringify(me)}`);
    expect(me).toEqual({
      userId: provisioned.body.adminUserId,
      tenant,
      email: admin.email.toLowerCase(),
      displayName: 'Boss',
      roles: ['hq-admin'],
      grants: [{ role: 'hq-admin', scopeType: 'tenant', scopeId: null }],
      emailVerified: true,
      totpEnabled: false,
    });

    const jwks = expectStatus(await service.call('GET', '/.well-known/jwks.json'), 200).body as { keys: object[] };
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: decodeProtectedHeader(access).kid }),
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('rotates a refresh token once; the spent one comes back -> 401 and the session is revoked', async () => {
    const tenant = uniqueTenant('rot');
    const admin = new Person(service, tenant, `admin@${tenant}.example`);
    expectStatus(await provision(service, { slug: tenant, product: 'business', admin: admin.email }), 201);
    const { refreshToken: first } = await admin.signIn();
    const refresh = (refreshToken: string) => admin.call('POST', '/auth/refresh', { tenant, refreshToken });

    const rotated = expectStatus(await refresh(first), 200).body;
    const second = String(rotated.refreshToken);
    expect(second).not.toBe(first);
    expect(decodeJwt(String(rotated.accessToken)).roles).toEqual(['tenant-admin']);

    const reuse = await refresh(first);
    const afterReuse = await refresh(second);
    console.log(
      `refresh once -> 200; spent token again -> ${reuse.status}; its successor then -> ${afterReuse.status}`,
    );
    expect(reuse.status).toBe(401);
    expect(afterReuse.status).toBe(401);
    const { rows } = await service.db.pool.query(
      `select payload->>'reason' as reason from eventstore.events where tenant = $1 and event_type = 'SessionRevoked'`,
      [tenant],
    );
    expect(rows).toEqual([{ reason: 'refresh_token_reused' }]);

    // A retried login with the same Idempotency-Key cannot replay the first one's tokens.
    const keyed = { body: { tenant, email: admin.email, password: PASSWORD }, headers: { 'idempotency-key': 'k1' } };
    expectStatus(await service.call('POST', '/auth/login', keyed), 200);
    const replay = await service.call('POST', '/auth/login', keyed);
    expect([replay.status, replay.body.code]).toEqual([409, 'conflict']);

    // Logging in again starts a new session; logout ends it, and its refresh token dies with it.
    const again = expectStatus(await admin.login(PASSWORD), 200).body;
    expectStatus(await admin.call('POST', '/auth/logout', undefined, String(again.accessToken)), 204);
    expect((await refresh(String(again.refreshToken))).status).toBe(401);
  });
});
