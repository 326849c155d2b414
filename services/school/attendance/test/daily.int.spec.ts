import { randomUUID } from 'node:crypto';
import { admin } from '@hexfleet/schemas';
import { eventually, listOf } from '@hexfleet/testing';
import { expectStatus, MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, MONDAY, SchoolFacts } from './support/school-facts';

// ADR 0054: a school that takes attendance once a day takes each group's register in its first
// lesson of the day; the group's other lessons are refused, until the school goes back to lessons.
describe('daily registers', () => {
  const tenant = uniqueTenant('day');
  let service: AttendanceHarness;
  let school: SchoolFacts;
  const homeroom = randomUUID();

  beforeAll(async () => {
    [service, school] = await Promise.all([
      startAttendance(new MovableClock(AT_NINE(MONDAY))),
      SchoolFacts.start(tenant),
    ]);
    await school.setUp();
    // The group's first lesson on Mondays: 08:00 registration, before the 09:00 maths.
    await school.admin.record(
      tenant,
      'timetable',
      school.termId,
      admin.classSessionScheduled({
        sessionId: homeroom,
        termId: school.termId,
        schoolId: school.schoolId,
        yearId: randomUUID(),
        groupId: school.groupId,
        subjectId: randomUUID(),
        subjectName: 'Registration',
        teacherUserId: school.teacherId,
        room: 'R-101',
        firstDate: '2026-11-02',
        lastDate: '2027-03-31',
        weekdays: [1],
        startTime: '08:00',
        endTime: '08:15',
        scheduledAt: '2026-10-20T10:00:00.000Z',
      }),
    );
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  it('takes the day’s register in the group’s first lesson and refuses the others (409, nothing written)', async () => {
    const [teacher, schoolAdmin, otherAdmin] = await Promise.all([
      school.teacher(service),
      service.issuer.mint({
        tenant,
        roles: ['school-admin'],
        grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school.schoolId }],
      }),
      service.issuer.mint({
        tenant,
        roles: ['school-admin'],
        grants: [{ role: 'school-admin', scopeType: 'school', scopeId: randomUUID() }],
      }),
    ]);
    await eventually(
      async () => listOf(await service.call('GET', `/registers?date=${MONDAY}`, { token: teacher })).length === 2,
      {
        what: 'both Monday lessons',
      },
    );
    await eventually(async () => (await stored(service, tenant, 'RosterMemberJoined')) === 3, { what: 'the roster' });
    const setting = `/schools/${school.schoolId}/attendance-settings`;
    const put = (token: string, mode: unknown) => service.call('PUT', setting, { token, body: { mode } });

    // Only the school's admin (or HQ) sets it; beyond the school it does not exist; an unknown mode is a 400.
    const refused = {
      teacher: (await put(teacher, 'daily')).status,
      otherSchool: (await put(otherAdmin, 'daily')).status,
      unknownMode: (await put(schoolAdmin, 'weekly')).status,
    };
    expect(refused).toEqual({ teacher: 403, otherSchool: 404, unknownMode: 400 });
    expect(expectStatus(await put(schoolAdmin, 'daily'), 200).body).toEqual({
      schoolId: school.schoolId,
      mode: 'daily',
    });
    expectStatus(await put(schoolAdmin, 'daily'), 200);
    expect(await stored(service, tenant, 'SchoolAttendanceModeSet')).toBe(1);

    // The maths lesson is not the day's register: refused, naming the one that is.
    const before = await stored(service, tenant);
    const maths = await service.call('POST', school.registerPath(MONDAY, '/marks'), {
      token: teacher,
      body: { allPresent: true, marks: [] },
    });
    expect({ status: maths.status, code: maths.body.code }).toEqual({ status: 409, code: 'daily-register-elsewhere' });
    expect(JSON.stringify(maths.body)).toContain(homeroom);
    expect(await stored(service, tenant)).toBe(before);
    // Registration is: all present.
    const taken = await service.call('POST', `/sessions/${homeroom}/registers/${MONDAY}/marks`, {
      token: teacher,
      body: { allPresent: true, marks: [] },
    });
    expect(expectStatus(taken, 200).body.recorded).toBe(3);

    // Back to every lesson: maths is taken again.
    expectStatus(await put(schoolAdmin, 'lesson'), 200);
    const again = await service.call('POST', school.registerPath(MONDAY, '/marks'), {
      token: teacher,
      body: { allPresent: true, marks: [] },
    });
    expect(expectStatus(again, 200).body.recorded).toBe(3);
  });
});
