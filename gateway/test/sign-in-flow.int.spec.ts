import { randomBytes } from 'node:crypto';
import { callService, eventually } from '@hexfleet/testing';
import type { Reply } from '@hexfleet/testing';
import { Fleet, graphql, mailed, startFleet } from './support/fleet';

const ok = (reply: Reply, status: number, what: string) => {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
};

/**
 * Issue 7, acceptance 1, as a person would live it, everything through the
 * gateway but the operator's provisioning: identity signs the tokens, and every
 * service (separate processes) trusts them through identity's JWKS.
 */
describe('from a new tenant to a GraphQL query over data projected from Kafka', () => {
  let fleet: Fleet;
  const tenant = `flow${randomBytes(4).toString('hex')}`;
  const admin = { email: `boss@${tenant}.example`, displayName: 'Bo Boss' };
  const person = { email: `ada@${tenant}.example`, displayName: 'Ada Lovelace' };

  beforeAll(async () => {
    fleet = await startFleet({
      identity: 'services/shared/identity',
      hrms: 'services/business/hrms',
      profile: 'services/shared/profile',
    });
  });
  afterAll(() => fleet?.stop());

  const api = (method: string, path: string, body?: unknown, token?: string) =>
    callService(fleet.url, method, `/api/v1/identity${path}`, { body, token });

  async function login(email: string, password: string) {
    const reply = ok(await api('POST', '/auth/login', { tenant, email, password }), 200, `login ${email}`);
    return String(reply.body.accessToken);
  }

  it('provision, invite, mail, password, login, a profile of their own, and a query through the gateway', async () => {
    // The operator provisions the tenant (straight to identity: operators are not on the public gateway).
    const provisioned = await callService(fleet.services.identity.url, 'POST', '/tenants', {
      headers: { 'x-operator-key': fleet.operatorKey },
      body: { slug: tenant, name: 'Flow Ltd', product: 'business', admin },
    });
    ok(provisioned, 201, 'provision');
    console.log(`provisioned: ${JSON.stringify(provisioned.body)}`);

    // The admin's invitation arrives; they choose a password and sign in.
    ok(
      await api('POST', '/auth/invitations/accept', {
        tenant,
        token: await mailed(fleet.url, admin.email, 'invitation'),
        password: 'correct horse battery 1',
      }),
      204,
      'admin accepts',
    );
    let bossToken = await login(admin.email, 'correct horse battery 1');
    const boss = ok(await api('GET', '/me', undefined, bossToken), 200, 'me').body;
    ok(await api('POST', `/users/${boss.userId}/grants`, { role: 'hr' }, bossToken), 204, 'grant hr');
    bossToken = await login(admin.email, 'correct horse battery 1');

    // The admin invites a person; the invitation mail arrives; they set a password and log in.
    const invited = ok(
      await api('POST', '/users/invitations', { ...person, grants: [{ role: 'employee' }] }, bossToken),
      201,
      'invite',
    ).body;
    ok(
      await api('POST', '/auth/invitations/accept', {
        tenant,
        token: await mailed(fleet.url, person.email, 'invitation'),
        password: 'analytical engine 1843',
      }),
      204,
      'person accepts',
    );
    const adaToken = await login(person.email, 'analytical engine 1843');

    // Their profile was made from identity's UserRegistered, through Kafka, by the profile service.
    let profile: Record<string, unknown> | undefined;
    await eventually(
      async () => {
        const reply = await graphql(fleet.url, '{ me { userId email roles } myProfile { userId fullName status } }', {
          token: adaToken,
        });
        profile = reply.body.data ?? undefined;
        return Boolean(reply.body.data?.myProfile);
      },
      { timeoutMs: 30_000, what: 'the profile' },
    );
    console.log(`GraphQL as the invited person: ${JSON.stringify(profile)}`);
    expect(profile).toEqual({
      me: { userId: invited.userId, email: person.email, roles: ['employee'] },
      myProfile: { userId: invited.userId, fullName: person.displayName, status: 'active' },
    });

    // HR hires through GraphQL; the person reads HRMS's read model (fed from Kafka) with the token it gave.
    const hired = await graphql(
      fleet.url,
      `mutation { hireEmployee(input: { firstName: "Charles", lastName: "Babbage", workEmail: "charles@${tenant}.example",
         joiningDate: "2026-02-02", department: "Engines", designation: "Inventor", employmentType: "full-time" }) { id consistencyToken } }`,
      { token: bossToken },
    );
    const { id, consistencyToken } = hired.body.data?.hireEmployee as { id: string; consistencyToken: string };
    const directory = await graphql(
      fleet.url,
      '{ employees(filter: { department: "Engines" }) { total items { employeeId firstName } } }',
      {
        token: adaToken,
        headers: { 'x-consistency-token': consistencyToken },
      },
    );
    console.log(`employees seen by the person right after the hire: ${JSON.stringify(directory.body.data)}`);
    expect(directory.body.data).toEqual({ employees: { total: 1, items: [{ employeeId: id, firstName: 'Charles' }] } });
  });
});
