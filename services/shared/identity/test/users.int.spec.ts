import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { expectStatus, invite, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';

// Admins manage accounts within their scope; the directory and the login audit are read models.
describe('admins and their users', () => {
  let service: IdentityHarness;

  beforeAll(async () => {
    service = await startIdentity();
  });
  afterAll(() => service?.close());

  it('an HQ admin appoints a school admin, who manages only their school, and the directory shows it', async () => {
    const { tenant, admin, adminToken } = await provisionTenant(service, 'school');
    const [school, otherSchool, group] = [randomUUID(), randomUUID(), randomUUID()];
    const principal = await invite(service, tenant, adminToken, [{ role: 'school-admin', schoolId: school }], 'head');
    const head = (await principal.person.signIn()).accessToken;
    expect(decodeJwt(head).grants).toEqual([{ role: 'school-admin', scopeType: 'school', scopeId: school }]);

    const teacher = await invite(service, tenant, head, [{ role: 'teacher', schoolId: school }], 'teacher');
    const asHead = (grants: object[]) =>
      service.call('POST', '/users/invitations', {
        token: head,
        body: { email: `x${randomUUID().slice(0, 8)}@${tenant}.example`, displayName: 'X', grants },
      });
    const refused = {
      otherSchool: await asHead([{ role: 'teacher', schoolId: otherSchool }]),
      adminRole: await asHead([{ role: 'school-admin', schoolId: school }]),
      group: await asHead([{ role: 'student', groupId: group }]),
      twoScopes: await asHead([{ role: 'teacher', schoolId: school, groupId: group }]),
      wrongProduct: await asHead([{ role: 'payroll-admin' }]),
    };
    console.log(
      `a school admin inviting: ${Object.entries(refused)
        .map(([k, r]) => `${k} ${r.status} ${String(r.body.code)}`)
        .join(', ')}`,
    );
    expect(Object.values(refused).map((r) => r.status)).toEqual([403, 403, 403, 422, 422]);
    expect([refused.twoScopes.body.code, refused.wrongProduct.body.code]).toEqual([
      'grant-needs-exactly-one-scope',
      'role-not-in-product',
    ]);
    const taken = await service.call('POST', '/users/invitations', {
      token: adminToken,
      body: { email: teacher.person.email.toUpperCase(), displayName: 'Twin', grants: [] },
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'login-id-taken']);

    // Grants: add, refuse the duplicate, revoke by query, refuse the second revocation.
    const grants = `/users/${teacher.userId}/grants`;
    expectStatus(await admin.call('POST', grants, { role: 'librarian', schoolId: school }, head), 204);
    const duplicate = await admin.call('POST', grants, { role: 'librarian', schoolId: school }, head);
    const revoked = expectStatus(
      await admin.call('DELETE', `${grants}?role=librarian&schoolId=${school}`, undefined, head),
      204,
    );
    const revokedTwice = await admin.call('DELETE', grants, { role: 'librarian', schoolId: school }, head);
    expect([duplicate.body.code, revokedTwice.body.code]).toEqual(['role-already-granted', 'role-not-granted']);

    // The head's and the teacher's accounts are two streams, and the revocation the teacher's
    // last write: the directory is read with all three tokens (ADR 0030).
    const fresh = {
      'x-consistency-token': [principal.reply, teacher.reply, revoked]
        .map((reply) => reply.headers.get('x-consistency-token') ?? '')
        .join(', '),
    };
    const list = await service.call('GET', '/users?limit=2', { token: adminToken, headers: fresh });
    console.log(`GET /users?limit=2 -> ${list.headers.get('x-consistency')} ${JSON.stringify(list.body)}`);
    expect(list.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(list.body.items).toHaveLength(2);
    const all =
      expectStatus(await service.call('GET', '/users?q=teacher', { token: head, headers: fresh }), 200).body.items ??
      [];
    expect(all).toEqual([
      expect.objectContaining({
        userId: teacher.userId,
        status: 'active',
        grants: [{ role: 'teacher', scopeType: 'school', scopeId: school }],
      }),
    ]);

    // Someone without an admin role sees only themself.
    const teacherToken = (await teacher.person.signIn()).accessToken;
    expect((await service.call('GET', `/users/${teacher.userId}`, { token: teacherToken })).status).toBe(200);
    expect((await service.call('GET', `/users/${principal.userId}`, { token: teacherToken })).status).toBe(403);
    expect((await service.call('GET', '/users', { token: teacherToken })).status).toBe(403);
    expect((await service.call('GET', '/login-audit', { token: head })).status).toBe(403);

    const audit = expectStatus(await service.call('GET', '/login-audit', { token: adminToken }), 200).body.items ?? [];
    console.log(
      `login audit (newest first): ${audit.map((r) => `${String(r.email)} ${String(r.outcome)}`).join('; ')}`,
    );
    expect(audit.map((r) => r.outcome)).toContain('succeeded');
  });

  it('a new grant shows in the next access token after a refresh', async () => {
    const { tenant, adminToken } = await provisionTenant(service, 'business');
    const { person, userId } = await invite(service, tenant, adminToken, [{ role: 'employee' }], 'climber');
    const { refreshToken } = await person.signIn();
    expectStatus(await person.call('POST', `/users/${userId}/grants`, { role: 'manager' }, adminToken), 204);
    const refreshed = expectStatus(await person.call('POST', '/auth/refresh', { tenant, refreshToken }), 200).body;
    const roles = decodeJwt(String(refreshed.accessToken)).roles;
    console.log(`roles after refresh: ${JSON.stringify(roles)}`);
    expect(roles).toEqual(['employee', 'manager']);
  });
});
