import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { expectStatus, GUARDIAN, SchoolSetup } from './support/school-setup';

type Scope = 'tenant' | 'school' | 'group';
const grant = (role: string, scopeType: Scope, scopeId: string | null = null) => ({ role, scopeType, scopeId });

// The school fence: a school's roles reach their own school (or group); HQ reaches every school;
// anything beyond reach answers 404, as another tenant's would.
describe('school fencing', () => {
  let service: AdminHarness;
  const tenant = uniqueTenant('fence');

  beforeAll(async () => {
    service = await startAdmin(fixedClock('2026-03-02T09:00:00.000Z'));
  });
  afterAll(() => service?.close());

  const mint = (...grants: Array<ReturnType<typeof grant>>) =>
    service.issuer.mint({ tenant, roles: grants.map((g) => g.role), grants });

  it('a school admin of A gets 404 for everything of B; HQ sees both; a group teacher sees their group', async () => {
    const [schoolA, schoolB] = [randomUUID(), randomUUID()];
    const a = await new SchoolSetup(service, await mint(grant('school-admin', 'school', schoolA)), schoolA).calendar();
    const b = await new SchoolSetup(service, await mint(grant('school-admin', 'school', schoolB)), schoolB).calendar();
    const [groupA, otherA, groupB] = [await a.group('1', 'A'), await a.group('1', 'B'), await b.group('1', 'A')];
    const studentB = await b.admit('B-1');
    expectStatus(await b.enrol(studentB, groupB), 204);
    const ready = await b.readAfter(b.lastWrite, `/students/${studentB}`);
    expect(ready.status).toBe(200);

    const get = (token: string, path: string) => service.call('GET', path, { token }).then((r) => r.status);
    const send = (token: string, method: string, path: string, body: object) =>
      service.call(method, path, { token, body }).then((r) => `${r.status} ${String(r.body.code ?? '')}`.trim());
    const week = 'from=2026-04-06&to=2026-04-12';

    // A's admin, on B's things: reads and writes alike find nothing.
    const reads = {
      groups: await get(a.token, `/schools/${schoolB}/groups`),
      group: await get(a.token, `/groups/${groupB}`),
      members: await get(a.token, `/groups/${groupB}/students`),
      student: await get(a.token, `/students/${studentB}`),
      students: await get(a.token, `/schools/${schoolB}/students`),
      years: await get(a.token, `/schools/${schoolB}/academic-years`),
      timetable: await get(a.token, `/groups/${groupB}/timetable?${week}`),
      sessions: await get(a.token, `/schools/${schoolB}/terms/${b.termId}/sessions`),
    };
    expect(Object.values(reads)).toEqual(Object.values(reads).map(() => 404));
    const writes = {
      admit: await send(a.token, 'POST', `/schools/${schoolB}/students`, {
        admissionNumber: 'X-1',
        firstName: 'Intruder',
        birthDate: '2015-01-01',
        guardians: [GUARDIAN],
        admittedOn: '2026-03-01',
      }),
      capacity: await send(a.token, 'PUT', `/groups/${groupB}/capacity`, { capacity: 10 }),
      withdraw: await send(a.token, 'POST', `/students/${studentB}/withdrawal`, {
        reason: 'x',
        withdrawnOn: '2026-05-01',
      }),
      year: await send(a.token, 'POST', `/schools/${schoolB}/academic-years`, {
        name: 'Y',
        startDate: '2028-04-01',
        endDate: '2029-03-31',
      }),
    };
    console.log(`school A's admin on school B: ${JSON.stringify({ reads, writes })}`);
    expect(writes).toEqual({
      admit: '404 not-found',
      capacity: '404 not-found',
      withdraw: '404 not-found',
      year: '404 not-found',
    });
    // B's student is untouched.
    expect((await service.call('GET', `/students/${studentB}`, { token: b.token })).body.status).toBe('enrolled');
    expect(await get(a.token, `/groups/${groupA}`)).toBe(200);

    // HQ reaches both schools.
    const hq = await mint(grant('hq-admin', 'tenant'));
    expect([await get(hq, `/groups/${groupA}`), await get(hq, `/groups/${groupB}/students`)]).toEqual([200, 200]);

    // A teacher of group A/1A: that group's list and timetable, nothing else of the school, no writes.
    const teacher = await mint(grant('teacher', 'group', groupA));
    expect({
      members: await get(teacher, `/groups/${groupA}/students`),
      timetable: await get(teacher, `/groups/${groupA}/timetable?${week}`),
      otherGroup: await get(teacher, `/groups/${otherA}`),
      schoolGroups: await get(teacher, `/schools/${schoolA}/groups`),
      write: await send(teacher, 'PUT', `/groups/${groupA}/capacity`, { capacity: 10 }),
    }).toEqual({ members: 200, timetable: 200, otherGroup: 404, schoolGroups: 404, write: '403 forbidden' });

    // Another tenant's school admin of the same school id sees nothing at all.
    const stranger = await service.issuer.mint({
      tenant: uniqueTenant('other'),
      roles: ['school-admin'],
      grants: [grant('school-admin', 'school', schoolB)],
    });
    expect([await get(stranger, `/groups/${groupB}`), await get(stranger, `/students/${studentB}`)]).toEqual([
      404, 404,
    ]);
  });
});
