import { fixedClock } from '@hexfleet/kernel';
import { openSchool, outcomes, readAfter, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const YEAR = {
  name: '2026-27',
  startDate: '2026-06-01',
  endDate: '2027-03-31',
  terms: [{ name: 'Term 1', startDate: '2026-06-01', endDate: '2027-03-31' }],
};

// HQ sees every school of its group; a school's people see their school only, from their token's
// grants; anything outside is a 404, exactly as another tenant's school is.
describe('fencing schools by the token’s grants', () => {
  let service: HqHarness;
  const tenant = uniqueTenant('fence');
  let a: string;
  let b: string;
  let hq: string;
  let yearOfB: string;

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-02T09:00:00Z'));
    hq = await tokens(service, tenant).hq();
    a = (await openSchool(service, hq, { name: 'School A' })).schoolId;
    const opened = await openSchool(service, hq, { name: 'School B' });
    b = opened.schoolId;
    await readAfter(service, opened.reply, `/schools/${b}`, hq);
    const year = await service.call('POST', '/academic-years', { token: hq, body: { ...YEAR, schoolIds: [b] } });
    yearOfB = String(year.body.yearId);
    await readAfter(service, year, `/academic-years/${yearOfB}`, hq);
    const policy = await service.call('PUT', `/schools/${b}/policy`, {
      token: hq,
      body: { absenceThresholds: { consecutiveAbsentDays: 5, minimumAttendancePercent: 80 } },
    });
    await readAfter(service, policy, `/schools/${b}/policy`, hq);
  });
  afterAll(() => service?.close());

  it('shows HQ every school of the group', async () => {
    const listed = await service.call('GET', '/schools', { token: hq });
    expect((listed.body.items as Array<{ schoolId: string }>).map((s) => s.schoolId).sort()).toEqual([a, b].sort());
  });

  it('answers a school admin of school A 404 for everything of school B, and shows A', async () => {
    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    const listed = await service.call('GET', '/schools', { token: adminOfA });
    expect([listed.body.total, (listed.body.items as Array<{ schoolId: string }>).map((s) => s.schoolId)]).toEqual([
      1,
      [a],
    ]);
    expect(
      outcomes({
        ownSchool: await service.call('GET', `/schools/${a}`, { token: adminOfA }),
        otherSchool: await service.call('GET', `/schools/${b}`, { token: adminOfA }),
        otherPolicy: await service.call('GET', `/schools/${b}/policy`, { token: adminOfA }),
        setOtherPolicy: await service.call('PUT', `/schools/${b}/policy`, { token: adminOfA, body: {} }),
        otherYear: await service.call('GET', `/academic-years/${yearOfB}`, { token: adminOfA }),
      }),
    ).toEqual({
      ownSchool: [200, null],
      otherSchool: [404, 'not-found'],
      otherPolicy: [404, 'not-found'],
      setOtherPolicy: [404, 'not-found'],
      otherYear: [404, 'not-found'],
    });
    const years = await service.call('GET', '/academic-years', { token: adminOfA });
    expect(years.body).toMatchObject({ items: [], total: 0 });
    // What B's admin sees of B is what HQ sees.
    const adminOfB = await tokens(service, tenant).at(b, 'school-admin');
    expect((await service.call('GET', `/schools/${b}/policy`, { token: adminOfB })).body).toEqual(
      (await service.call('GET', `/schools/${b}/policy`, { token: hq })).body,
    );
    expect((await service.call('GET', `/academic-years/${yearOfB}`, { token: adminOfB })).status).toBe(200);
  });

  it('lets a teacher of A read A but not set its policy; grants over a group or none at all show nothing', async () => {
    const teacherOfA = await tokens(service, tenant).at(a, 'teacher');
    const groupTeacher = await service.issuer.mint({
      tenant,
      roles: ['teacher'],
      grants: [{ role: 'teacher', scopeType: 'group', scopeId: a }],
    });
    const rolesOnly = await service.issuer.mint({ tenant, roles: ['school-admin'] });
    const stranger = await tokens(service, uniqueTenant('other')).hq();
    expect(
      outcomes({
        teacherReads: await service.call('GET', `/schools/${a}`, { token: teacherOfA }),
        teacherSets: await service.call('PUT', `/schools/${a}/policy`, { token: teacherOfA, body: {} }),
        groupGrant: await service.call('GET', `/schools/${a}`, { token: groupTeacher }),
        noGrants: await service.call('GET', `/schools/${a}`, { token: rolesOnly }),
        otherTenantHq: await service.call('GET', `/schools/${a}`, { token: stranger }),
      }),
    ).toEqual({
      teacherReads: [200, null],
      teacherSets: [403, 'forbidden'],
      groupGrant: [404, 'not-found'],
      noGrants: [404, 'not-found'],
      otherTenantHq: [404, 'not-found'],
    });
    expect((await service.call('GET', '/schools', { token: rolesOnly })).body).toMatchObject({ items: [], total: 0 });
  });
});
