import { randomUUID } from 'node:crypto';
import { hrms, identity } from '@hexfleet/schemas';
import { eventually } from '@hexfleet/testing';
import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { expectStatus, ownProfile, person, redeliver, registerUser } from './support/people';

const now = () => new Date().toISOString();

// identity.user.v1 -> one profile per user; identity's account lifecycle archives and restores it.
describe('profiles come from identity registrations', () => {
  let fleet: ProfileFleet;
  const tenant = uniqueTenant('reg');

  beforeAll(async () => {
    fleet = await startProfileFleet();
  });
  afterAll(() => fleet?.close());
  const identityGroup = () => `policy.${fleet.runtime.definition.policies?.[0].name}`;

  it('creates the profile of a UserRegistered, visible at /profiles/me with that user’s token', async () => {
    const { userId, email } = await registerUser(fleet, tenant, { displayName: 'Ana Silva' });
    const token = await fleet.issuer.mint({ tenant, userId, roles: ['employee'] });
    const profile = await ownProfile(fleet, token, 'Ana');
    console.log(`GET /profiles/me after UserRegistered: ${JSON.stringify(profile)}`);
    expect(profile).toMatchObject({
      userId,
      product: 'business',
      status: 'active',
      fullName: 'Ana Silva',
      emails: [{ address: email, label: 'login' }],
      preferences: { language: null, timeZone: null, notifications: { email: true, sms: false, push: true } },
    });
  });

  it('creates nothing new when Kafka delivers the same UserRegistered again', async () => {
    const { userId } = await registerUser(fleet, tenant, { displayName: 'Bea Costa' });
    const token = await fleet.issuer.mint({ tenant, userId });
    await ownProfile(fleet, token, 'Bea');
    const stream = `${tenant}/profile/${userId}`;
    const before = await fleet.stored({ stream });

    const redelivered = await redeliver('identity.user.v1', `${tenant}:${userId}`, 'UserRegistered', identityGroup());
    const after = await fleet.stored({ stream });
    const created = await fleet.stored({ stream, type: 'ProfileCreated' });
    const directory = await fleet.call('GET', `/profiles?query=${encodeURIComponent('Bea Costa')}`, {
      token: await fleet.issuer.mint({ tenant, roles: ['tenant-admin'] }),
    });
    console.log(
      `redelivered UserRegistered ${redelivered.eventId} at offset ${redelivered.offset}: ` +
        `profile stream ${before} -> ${after} events, ProfileCreated ${created}, directory matches ${directory.body.total}`,
    );
    expect([before, after, created]).toEqual([1, 1, 1]);
    expect(directory.body.total).toBe(1);
  });

  it('pages the directory by limit and offset (as the gateway asks) as well as by page and pageSize', async () => {
    const own = uniqueTenant('page');
    const names = ['Pat Alpha', 'Pat Beta', 'Pat Gamma'];
    await Promise.all(names.map((displayName) => person(fleet, own, { displayName })));
    const token = await fleet.issuer.mint({ tenant: own, roles: ['tenant-admin'] });
    const list = async (query: string) =>
      expectStatus(await fleet.call('GET', `/profiles?query=Pat&${query}`, { token }), 200) as {
        items: Array<{ fullName: string }>;
        [key: string]: unknown;
      };
    const byOffset = await list('limit=2&offset=1');
    const byPage = await list('page=2&pageSize=2');
    console.log(`limit=2&offset=1: ${JSON.stringify(byOffset)}; page=2&pageSize=2: ${JSON.stringify(byPage)}`);
    expect(byOffset).toMatchObject({ total: 3, limit: 2, offset: 1, page: 1, pageSize: 2 });
    expect(byOffset.items.map((p) => p.fullName)).toEqual(['Pat Beta', 'Pat Gamma']);
    expect(byPage).toMatchObject({ total: 3, limit: 2, offset: 2, page: 2, pageSize: 2 });
    expect(byPage.items.map((p) => p.fullName)).toEqual(['Pat Gamma']);
  });

  it('archives the profile on UserDeactivated (no edits) and restores it on UserReactivated', async () => {
    const { userId } = await registerUser(fleet, tenant, { displayName: 'Caio Lima' });
    const token = await fleet.issuer.mint({ tenant, userId });
    await ownProfile(fleet, token, 'Caio');
    const at = now();
    await fleet.identity.append(tenant, 'user', userId, identity.userDeactivated({ userId, deactivatedAt: at }));
    await eventually(async () => (await fleet.call('GET', '/profiles/me', { token })).body.status === 'archived', {
      what: 'archived profile',
    });
    const edit = await fleet.call('PATCH', `/profiles/${userId}`, { token, body: { preferredName: 'C' } });
    console.log(`PATCH on an archived profile: ${edit.status} ${edit.body.code}`);
    expect([edit.status, edit.body.code]).toEqual([409, 'profile-archived']);

    await fleet.identity.append(tenant, 'user', userId, identity.userReactivated({ userId, reactivatedAt: now() }));
    await eventually(async () => (await fleet.call('GET', '/profiles/me', { token })).body.status === 'active', {
      what: 'restored profile',
    });
    expectStatus(await fleet.call('PATCH', `/profiles/${userId}`, { token, body: { preferredName: 'C' } }), 204);

    // The deactivation delivered again, after the reactivation: its command was applied once, so it stays active.
    const again = await redeliver('identity.user.v1', `${tenant}:${userId}`, 'UserDeactivated', identityGroup());
    const profile = await fleet.call('GET', '/profiles/me', { token });
    const archived = await fleet.stored({ stream: `${tenant}/profile/${userId}`, type: 'ProfileArchived' });
    console.log(
      `UserDeactivated ${again.eventId} redelivered after reactivation: ${profile.body.status}, ProfileArchived ${archived}`,
    );
    expect([profile.body.status, archived]).toEqual(['active', 1]);
  });

  it('pre-fills department and designation from HRMS whichever event comes first, and follows a promotion', async () => {
    const hire = (employeeId: string, firstName: string, department: string) =>
      hrms.employeeHired({
        ...{ employeeId, firstName, lastName: 'Test', workEmail: `${firstName}@example.test`, department },
        ...{ designation: 'Engineer', joiningDate: '2026-03-02', employmentType: 'full-time', hiredAt: now() },
      });
    // Hired, then invited by identity (the usual order).
    const dani = randomUUID();
    await fleet.hrms.append(tenant, 'employee', dani, hire(dani, 'Dani', 'Engineering'));
    const first = await registerUser(fleet, tenant, { displayName: 'Dani Test', employeeId: dani });
    const daniToken = await fleet.issuer.mint({ tenant, userId: first.userId });
    await eventually(async () => (await ownProfile(fleet, daniToken, 'Dani')).department === 'Engineering', {
      what: "Dani's department",
    });
    // Registered first (HRMS's event still on its way), then hired.
    const eli = randomUUID();
    const second = await registerUser(fleet, tenant, { displayName: 'Eli Test', employeeId: eli });
    const eliToken = await fleet.issuer.mint({ tenant, userId: second.userId });
    await ownProfile(fleet, eliToken, 'Eli');
    await fleet.hrms.append(tenant, 'employee', eli, hire(eli, 'Eli', 'Sales'));
    await eventually(async () => (await ownProfile(fleet, eliToken, 'Eli')).department === 'Sales', {
      what: "Eli's department",
    });
    const promoted = hrms.employeePromoted({
      ...{ employeeId: eli, fromDesignation: 'Engineer', toDesignation: 'Lead Engineer' },
      ...{ effectiveDate: '2026-06-01', note: '', promotedAt: now() },
    });
    await fleet.hrms.append(tenant, 'employee', eli, promoted);
    await eventually(async () => (await ownProfile(fleet, eliToken, 'Eli')).designation === 'Lead Engineer', {
      what: "Eli's promotion",
    });
    const [d, e] = [await ownProfile(fleet, daniToken, 'Dani'), await ownProfile(fleet, eliToken, 'Eli')];
    console.log(
      `hired then registered: ${d.department}/${d.designation}; registered then hired and promoted: ${e.department}/${e.designation}`,
    );
    expect([d.department, d.designation, e.department, e.designation]).toEqual([
      'Engineering',
      'Engineer',
      'Sales',
      'Lead Engineer',
    ]);
  });
});
