import { authenticator } from 'otplib';
import { expectStatus, PASSWORD, Person, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

// Acceptance: TOTP enrolment and login, password reset single-use, self-registration with verification.
describe('what people do for themselves', () => {
  let service: IdentityHarness;

  beforeAll(async () => {
    service = await startIdentity();
  });
  afterAll(() => service?.close());

  it('enrols TOTP; from then on login needs a fresh code', async () => {
    const { tenant, admin, adminToken } = await provisionTenant(service);
    const enrolment = expectStatus(await admin.call('POST', '/me/totp', undefined, adminToken), 201).body;
    const secret = String(enrolment.secret);
    console.log(`POST /me/totp -> ${String(enrolment.otpauthUrl).replace(secret, '<secret>')}`);
    expect(String(enrolment.otpauthUrl)).toMatch(/^otpauth:\/\/totp\/Hexfleet:/);

    const wrong = await admin.call('POST', '/me/totp/confirm', { code: '000000' }, adminToken);
    expect([wrong.status, wrong.body.code]).toEqual([422, 'totp-code-invalid']);
    expectStatus(
      await admin.call('POST', '/me/totp/confirm', { code: authenticator.generate(secret) }, adminToken),
      204,
    );
    expect(expectStatus(await admin.call('GET', '/me', undefined, adminToken), 200).body.totpEnabled).toBe(true);
    const stored = await service.db.pool.query(
      `select payload->>'secretCiphertext' as sealed from eventstore.events where tenant = $1 and event_type = 'TotpEnabled'`,
      [tenant],
    );
    expect(stored.rows[0].sealed).not.toContain(secret); // encrypted at rest

    const withoutCode = await admin.login();
    const badCode = await admin.login(PASSWORD, '123456' === authenticator.generate(secret) ? '654321' : '123456');
    // The next step's code: one step of drift is accepted, and it was never used.
    const code = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    const withCode = await admin.login(PASSWORD, code);
    const replayed = await admin.login(PASSWORD, code);
    console.log(
      `login without code -> ${withoutCode.status} (x-second-factor: ${withoutCode.headers.get('x-second-factor')}), ` +
        `wrong code -> ${badCode.status}, right code -> ${withCode.status}, same code again -> ${replayed.status}`,
    );
    expect([withoutCode.status, badCode.status, withCode.status, replayed.status]).toEqual([401, 401, 200, 401]);
    expect(withoutCode.headers.get('x-second-factor')).toBe('totp');
  });

  it('a reset link works once, ends every session, and unknown addresses get the same 202', async () => {
    const { tenant, admin } = await provisionTenant(service);
    const before = expectStatus(await admin.login(), 200).body;
    const stranger = new Person(service, tenant, `ghost@${tenant}.example`);
    const unknown = await stranger.call('POST', '/auth/password-resets', { tenant, email: stranger.email });
    const known = await admin.call('POST', '/auth/password-resets', { tenant, email: admin.email.toUpperCase() });
    console.log(`reset for an unknown address -> ${unknown.status}, for a known one -> ${known.status}`);
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    expect(await stranger.mails()).toEqual([]);

    const mail = await admin.lastMail('password-reset');
    const confirm = (password: string) =>
      admin.call('POST', '/auth/password-resets/confirm', { tenant, token: mail.token, password });
    expectStatus(await confirm('a brand new password'), 204);
    const again = await confirm('yet another password');
    const oldPassword = await admin.login(PASSWORD);
    const newPassword = await admin.login('a brand new password');
    const oldSession = await admin.call('POST', '/auth/refresh', { tenant, refreshToken: before.refreshToken });
    console.log(
      `reset token used -> 204, again -> ${again.status} ${String(again.body.code)}; old password -> ${oldPassword.status}, ` +
        `new -> ${newPassword.status}; refresh token from before the reset -> ${oldSession.status}`,
    );
    expect([again.status, again.body.code]).toEqual([409, 'reset-token-used']);
    expect([oldPassword.status, newPassword.status, oldSession.status]).toEqual([401, 200, 401]);
    const forged = await admin.call('POST', '/auth/password-resets/confirm', {
      tenant,
      token: `${String(mail.token).slice(0, -4)}AAAA`,
      password: 'whatever it is',
    });
    expect([forged.status, forged.body.code]).toEqual([422, 'reset-token-invalid']);
  });

  it('self-registers where the product allows it, verifies the address, and does not reveal taken ones', async () => {
    const school = await provisionTenant(service, 'school');
    const business = await provisionTenant(service, 'business');
    const guardian = new Person(service, school.tenant, `parent@${school.tenant}.example`);
    const register = (person: Person, tenant = person.tenant) =>
      person.call('POST', '/auth/register', {
        tenant,
        email: person.email,
        displayName: 'A Parent',
        password: PASSWORD,
      });

    const created = expectStatus(await register(guardian), 201).body;
    const taken = await register(guardian);
    const closed = await register(new Person(service, business.tenant, `walk-in@${business.tenant}.example`));
    const nowhere = await register(guardian, 'nosuchtenant');
    console.log(
      `register -> 201 ${JSON.stringify(created)}; same address again -> ${taken.status} ${JSON.stringify(taken.body)}; ` +
        `business tenant -> ${closed.status}; unknown tenant -> ${nowhere.status}`,
    );
    expect(taken.body).toEqual(created);
    expect([closed.status, nowhere.status]).toEqual([403, 403]);
    expect((await guardian.mails()).map((m) => m.purpose)).toEqual(['email-verification', 'account-exists']);

    const login = expectStatus(await guardian.login(), 200).body;
    const token = String(login.accessToken);
    const me = () => guardian.call('GET', '/me', undefined, token);
    expect(expectStatus(await me(), 200).body).toMatchObject({ emailVerified: false, roles: [], grants: [] });
    const link = await guardian.lastMail('email-verification');
    const tampered = await guardian.call('POST', '/auth/email-verifications/confirm', {
      tenant: school.tenant,
      token: String(link.token).replace(/\.\d+\./, '.9999999999.'),
    });
    expectStatus(
      await guardian.call('POST', '/auth/email-verifications/confirm', { tenant: school.tenant, token: link.token }),
      204,
    );
    console.log(`verification link with a changed expiry -> ${tampered.status}; the real one -> 204`);
    expect([tampered.status, tampered.body.code]).toEqual([422, 'verification-token-invalid']);
    expect(expectStatus(await me(), 200).body.emailVerified).toBe(true);
  });
});
