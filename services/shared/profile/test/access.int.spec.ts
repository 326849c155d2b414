import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { expectStatus, person } from './support/people';

// The tenant comes only from the token; what a caller may read or change is the domain's rule.
describe('who may read and change a profile', () => {
  let fleet: ProfileFleet;
  const [tenant, other] = [uniqueTenant('acc'), uniqueTenant('oth')];

  beforeAll(async () => {
    fleet = await startProfileFleet();
  });
  afterAll(() => fleet?.close());

  it("answers another tenant's token with 404 on every route, and writes nothing", async () => {
    const ana = await person(fleet, tenant, { displayName: 'Ana Owner', roles: ['employee'] });
    const intruder = await fleet.issuer.mint({ tenant: other, roles: ['tenant-admin', 'hr', 'school-admin'] });
    const id = ana.userId;
    const guardian = '018f3a2e-7b1c-7d00-8a00-0000000000f1';
    const before = await fleet.stored({ tenants: [tenant, other] });
    const replies = {
      get: await fleet.call('GET', `/profiles/${id}`, { token: intruder }),
      patch: await fleet.call('PATCH', `/profiles/${id}`, { token: intruder, body: { fullName: 'Taken Over' } }),
      preferences: await fleet.call('PUT', `/profiles/${id}/preferences`, {
        token: intruder,
        body: { language: 'en', timeZone: 'UTC', notifications: { email: false, sms: false, push: false } },
      }),
      appFields: await fleet.call('PUT', `/profiles/${id}/app-fields`, { token: intruder, body: { department: 'X' } }),
      link: await fleet.call('POST', `/profiles/${id}/guardians`, {
        token: intruder,
        body: { guardianUserId: guardian, relationship: 'mother' },
      }),
      unlink: await fleet.call('DELETE', `/profiles/${id}/guardians/${guardian}`, { token: intruder }),
      primary: await fleet.call('POST', `/profiles/${id}/guardians/${guardian}/primary`, { token: intruder }),
    };
    const directory = await fleet.call('GET', '/profiles?query=owner', { token: intruder });
    const statuses = Object.fromEntries(Object.entries(replies).map(([k, r]) => [k, r.status]));
    console.log(
      `tenant B's admin on tenant A's profile: ${JSON.stringify(statuses)}; B's directory: ${directory.body.total}`,
    );
    expect(Object.values(statuses)).toEqual(Object.values(statuses).map(() => 404));
    expect(Object.values(replies).map((r) => r.headers.get('content-type'))).toEqual(
      Object.values(replies).map(() => expect.stringMatching(/^application\/problem\+json/)),
    );
    expect(JSON.stringify(replies.get.body)).not.toContain('Ana');
    expect(directory.body).toMatchObject({ items: [], total: 0 });
    expect(await fleet.stored({ tenants: [tenant, other] })).toBe(before);
    expect((await fleet.call('GET', `/profiles/${id}`, { token: ana.token })).body.fullName).toBe('Ana Owner');
  });

  it('shows a colleague the card, the person and HR everything, a student nothing', async () => {
    const bo = await person(fleet, tenant, { displayName: 'Bo Private', roles: ['employee'] });
    const read = async (roles: string[]) =>
      fleet.call('GET', `/profiles/${bo.userId}`, { token: await fleet.issuer.mint({ tenant, roles }) });
    const [colleague, hr, student] = [await read(['employee']), await read(['hr']), await read(['student'])];
    console.log(
      `colleague sees ${Object.keys(colleague.body).join(',')}; HR sees emails=${JSON.stringify(hr.body.emails)}; student ${student.status}`,
    );
    expect(colleague.status).toBe(200);
    expect(colleague.body).toEqual(expect.objectContaining({ userId: bo.userId, fullName: 'Bo Private' }));
    expect(colleague.body).not.toHaveProperty('emails');
    expect(colleague.body).not.toHaveProperty('birthDate');
    expect(hr.body.emails).toHaveLength(1);
    expect(student.status).toBe(404);
  });

  it('refuses the person an HR-owned field (409 field-read-only) and lets HR set it; own edits read back fresh', async () => {
    const cy = await person(fleet, tenant, { displayName: 'Cy Worker', roles: ['employee', 'manager'] });
    const hrToken = await fleet.issuer.mint({ tenant, roles: ['hr'] });
    const before = await fleet.stored({ stream: `${tenant}/profile/${cy.userId}` });
    const own = await fleet.call('PUT', `/profiles/${cy.userId}/app-fields`, {
      token: cy.token,
      body: { department: 'Sales' },
    });
    console.log(`the person sets their department: ${own.status} ${JSON.stringify(own.body)}`);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'field-read-only', field: 'department', ownedBy: 'hr' });
    expect(await fleet.stored({ stream: `${tenant}/profile/${cy.userId}` })).toBe(before);
    // Through PATCH the field is not even accepted.
    const patched = await fleet.call('PATCH', `/profiles/${cy.userId}`, {
      token: cy.token,
      body: { department: 'Sales' },
    });
    expect([patched.status, patched.body.errors]).toEqual([400, [expect.objectContaining({ field: 'department' })]]);

    const byHr = await fleet.call('PUT', `/profiles/${cy.userId}/app-fields`, {
      token: hrToken,
      body: { department: 'Sales', designation: 'Account Manager' },
    });
    expectStatus(byHr, 204);
    const edit = await fleet.call('PATCH', `/profiles/${cy.userId}`, {
      token: cy.token,
      body: {
        preferredName: 'Cy',
        phones: [{ number: '+91 98450 12345', label: 'mobile' }],
        address: { line1: '1 MG Road', city: 'Bengaluru', country: 'IN' },
        emergencyContacts: [{ name: 'Dee Worker', relationship: 'spouse', phone: '+91 98450 54321' }],
      },
    });
    expectStatus(edit, 204);
    const prefs = await fleet.call('PUT', `/profiles/${cy.userId}/preferences`, {
      token: cy.token,
      body: { language: 'pt-BR', timeZone: 'Asia/Kolkata', notifications: { email: true, sms: true, push: false } },
    });
    expectStatus(prefs, 204);
    const mine = await fleet.call('GET', '/profiles/me', {
      token: cy.token,
      headers: { 'x-consistency-token': prefs.headers.get('x-consistency-token') ?? '' },
    });
    console.log(
      `GET /profiles/me with the consistency token (${mine.headers.get('x-consistency')}): ${JSON.stringify(mine.body)}`,
    );
    expect(mine.headers.get('x-consistency')).toBe('fresh');
    expect(mine.body).toMatchObject({
      department: 'Sales',
      designation: 'Account Manager',
      preferredName: 'Cy',
      address: { line1: '1 MG Road', line2: null, city: 'Bengaluru', country: 'IN' },
      preferences: { language: 'pt-BR', timeZone: 'Asia/Kolkata', notifications: { sms: true, push: false } },
    });
    // A stranger of the same tenant may not edit it.
    const stranger = await fleet.issuer.mint({ tenant, roles: ['employee'] });
    const refused = await fleet.call('PATCH', `/profiles/${cy.userId}`, { token: stranger, body: { fullName: 'X' } });
    expect([refused.status, refused.body.code]).toEqual([409, 'profile-edit-not-allowed']);
  });
});
