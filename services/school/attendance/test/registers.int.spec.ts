import { admin, events } from '@hexfleet/schemas';
import { eventually, listOf } from '@hexfleet/testing';
import { expectStatus, MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, MONDAY, SchoolFacts, WEDNESDAY } from './support/school-facts';

type Row = Record<string, unknown>;

// Flow 5's attendance half: Admin's sessions become registers; marking, the lock, audited corrections, holidays.
describe('registers from Admin’s sessions', () => {
  const tenant = uniqueTenant('att');
  const clock = new MovableClock(AT_NINE(MONDAY));
  let service: AttendanceHarness;
  let school: SchoolFacts;
  let teacher: string;
  let asha: string, ben: string, chidi: string;

  beforeAll(async () => {
    [service, school] = await Promise.all([startAttendance(clock, { lockDays: 7 }), SchoolFacts.start(tenant)]);
    [asha, ben, chidi] = school.students;
    await school.setUp();
    teacher = await school.teacher(service);
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  const day = async (date: string, token = teacher) =>
    listOf<Row>(await service.call('GET', `/registers?date=${date}`, { token }));
  const register = async (date: string, token = teacher) =>
    expectStatus(await service.call('GET', school.registerPath(date), { token }), 200).body;
  const mark = (date: string, body: object, token = teacher) =>
    service.call('POST', school.registerPath(date, '/marks'), { token, body });
  const correct = (date: string, body: object, token = teacher) =>
    service.call('POST', school.registerPath(date, '/corrections'), { token, body });

  it("lists a scheduled session's lesson as an open register of the teacher's day, with the group's students", async () => {
    await eventually(async () => (await day(MONDAY)).length === 1, { what: 'the session in the teacher’s day' });
    expect((await day(MONDAY))[0]).toMatchObject({
      sessionId: school.sessionId,
      subjectName: 'Mathematics',
      status: 'open',
      marked: 0,
    });
    expect(await day('2026-12-01')).toEqual([]); // a Tuesday
    await eventually(async () => ((await register(MONDAY)).lines as Row[]).length === 3, { what: 'the roster' });
    expect((await register(MONDAY)).lines).toEqual(
      [asha, ben, chidi].map((studentId, i) => expect.objectContaining({ studentId, rollNumber: i + 1, code: null })),
    );
  });

  it('refuses bad marks with a 4xx naming why, and writes nothing', async () => {
    const before = await stored(service, tenant);
    const cases: Array<[string, object, number, string]> = [
      [MONDAY, { allPresent: true, marks: [{ studentId: school.groupId, code: 'A' }] }, 422, 'student-not-in-group'],
      [WEDNESDAY, { allPresent: true, marks: [] }, 422, 'date-in-future'],
      [MONDAY, { allPresent: true, marks: [{ studentId: ben, code: 'ZZ' }] }, 422, 'unknown-code'],
      ['2026-12-01', { allPresent: true, marks: [] }, 422, 'not-a-session-day'],
    ];
    for (const [date, body, status, code] of cases) {
      const reply = await mark(date, body);
      expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
    }
    const malformed = await mark(MONDAY, { allPresent: 'yes', marks: [{ studentId: ben, code: 'absent' }] });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('allPresent');
    const elsewhere = await school.teacher(service, school.teacherId, school.groupId);
    expect((await mark(MONDAY, { allPresent: true, marks: [] }, elsewhere)).status).toBe(404);
    expect(await stored(service, tenant)).toBe(before);
  });

  it('marks all present but the exceptions in one command, one record per student, and completes the register', async () => {
    const reply = expectStatus(await mark(MONDAY, { allPresent: true, marks: [{ studentId: ben, code: 'A' }] }), 200);
    expect(reply.body.recorded).toBe(3);
    const lines = (await register(MONDAY)).lines as Row[];
    expect(lines.map((l) => l.code)).toEqual(['P', 'A', 'P']);
    expect(await stored(service, tenant, 'RegisterCompleted')).toBe(1);
    // Again: nothing new, and changing Ben by marking is a correction's job.
    expect(expectStatus(await mark(MONDAY, { allPresent: true, marks: [] }), 200).body.recorded).toBe(0);
    expect((await mark(MONDAY, { allPresent: true, marks: [{ studentId: ben, code: 'P' }] })).body.code).toBe(
      'already-marked',
    );
    expect(await stored(service, tenant, 'AttendanceMarked')).toBe(1);
    await eventually(async () => (await day(MONDAY))[0].status === 'taken', { what: 'the register taken' });
  });

  it('raises StudentAbsent for the absence, caused by the marking', async () => {
    await eventually(async () => (await stored(service, tenant, 'StudentAbsent')) === 1, { what: 'StudentAbsent' });
    const { rows } = await service.db.pool.query<{ cause: string; marked: string }>(
      `select a.metadata->>'causationId' as cause, m.event_id as marked from eventstore.events a, eventstore.events m
       where a.tenant = $1 and a.event_type = 'StudentAbsent' and m.tenant = $1 and m.event_type = 'AttendanceMarked'`,
      [tenant],
    );
    expect(rows[0].cause).toBe(rows[0].marked);
  });

  it('locks the register after N days: marking refused, a correction needs a reason, and keeps the original', async () => {
    clock.set(AT_NINE('2026-12-08'));
    const before = await stored(service, tenant);
    expect((await mark(MONDAY, { allPresent: true, marks: [] })).body.code).toBe('register-locked');
    const noReason = await correct(MONDAY, { studentId: ben, code: 'E' });
    expect({ status: noReason.status, code: noReason.body.code }).toEqual({ status: 422, code: 'reason-required' });
    expect(await stored(service, tenant)).toBe(before);

    expectStatus(await correct(MONDAY, { studentId: ben, code: 'E', reason: "Doctor's note" }), 200);
    const line = ((await register(MONDAY)).lines as Row[])[1];
    expect(line).toMatchObject({ studentId: ben, code: 'E', meaning: 'excused', originalCode: 'A', corrected: true });
    const { rows } = await service.db.pool.query<{ data: Row; metadata: Row }>(
      `select payload as data, metadata from eventstore.events where tenant = $1 and event_type = 'AttendanceCorrected'`,
      [tenant],
    );
    expect(rows[0].data).toMatchObject({
      previousCode: 'A',
      code: 'E',
      reason: "Doctor's note",
      locked: true,
      correctedBy: school.teacherId,
    });
    expect((await register(MONDAY)).locked).toBe(true);
  });

  it('refuses marking on a holiday (409 with its name), and withdraws a register taken before the lesson was cancelled', async () => {
    // Wednesday 2 December is taken, then Events declares it a holiday and Admin cancels its lessons.
    clock.set(AT_NINE(WEDNESDAY));
    expectStatus(await mark(WEDNESDAY, { allPresent: true, marks: [] }), 200);
    const holidayEventId =
      (await school.events.record(
        tenant,
        'event',
        school.schoolId,
        events.holidayDeclared({
          eventId: school.schoolId,
          calendarId: school.groupId,
          schoolId: school.schoolId,
          name: 'Founders Day',
          startDate: WEDNESDAY,
          endDate: WEDNESDAY,
          declaredAt: AT_NINE(WEDNESDAY),
        }),
      ),
      school.schoolId);
    await school.admin.record(
      tenant,
      'timetable',
      school.termId,
      admin.classSessionCancelled({
        sessionId: school.sessionId,
        termId: school.termId,
        schoolId: school.schoolId,
        groupId: school.groupId,
        date: WEDNESDAY,
        reason: 'Holiday: Founders Day',
        holidayEventId,
        cancelledAt: AT_NINE(WEDNESDAY),
      }),
    );
    await eventually(async () => (await stored(service, tenant, 'RegisterWithdrawn')) === 1, {
      what: 'the register withdrawn',
    });
    await eventually(async () => (await stored(service, tenant, 'HolidayNoted')) === 1, { what: 'the holiday noted' });
    const refused = await correct(WEDNESDAY, { studentId: asha, code: 'A', reason: 'x' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'register-withdrawn' });
    await eventually(async () => (await day(WEDNESDAY))[0]?.status === 'withdrawn', { what: 'withdrawn in the day' });

    // The next Monday is a holiday too, declared without Admin cancelling anything: marking it is refused all the same.
    await school.events.record(
      tenant,
      'event',
      school.termId,
      events.holidayDeclared({
        eventId: school.termId,
        calendarId: school.groupId,
        schoolId: school.schoolId,
        name: 'Winter break',
        startDate: '2026-12-07',
        endDate: '2026-12-11',
        declaredAt: AT_NINE(WEDNESDAY),
      }),
    );
    await eventually(async () => (await stored(service, tenant, 'HolidayNoted')) === 2, { what: 'the second holiday' });
    clock.set(AT_NINE('2026-12-07'));
    const holiday = await mark('2026-12-07', { allPresent: true, marks: [] });
    expect(holiday.status).toBe(409);
    expect(holiday.body).toMatchObject({ code: 'holiday' });
    expect(JSON.stringify(holiday.body)).toContain('Winter break');
    await eventually(async () => (await day('2026-12-07'))[0]?.status === 'holiday', {
      what: 'the holiday in the day',
    });
  });

  it('reports a student and the group over a range with percentages, withdrawn registers left out', async () => {
    const range = 'from=2026-11-01&to=2026-12-31';
    const admin = await service.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school.schoolId }],
    });
    await eventually(
      async () =>
        (await service.call('GET', `/students/${ben}/attendance?${range}`, { token: admin })).body.excused === 1,
      { what: 'the correction in the report' },
    );
    const benReport = (await service.call('GET', `/students/${ben}/attendance?${range}`, { token: admin })).body;
    expect(benReport).toMatchObject({ records: 1, excused: 1, absent: 0, attendancePercent: null });
    const group = expectStatus(
      await service.call('GET', `/groups/${school.groupId}/attendance?${range}`, { token: admin }),
      200,
    ).body;
    expect(group.totals).toMatchObject({
      records: 3,
      present: 2,
      excused: 1,
      attendancePercent: 100,
      absencePercent: 0,
    });
    // The same as CSV, with roll numbers and names from the roster.
    const csv = await fetch(`${service.url}/groups/${school.groupId}/attendance.csv?${range}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')).toEqual([
      'roll_number,student_id,first_name,last_name,records,present,late,left_early,absent,excused,attendance_percent,absence_percent',
      `1,${asha},Student1,Rao,1,1,0,0,0,0,100,0`,
      `2,${ben},Student2,Rao,1,0,0,0,0,1,,`,
      `3,${chidi},Student3,Rao,1,1,0,0,0,0,100,0`,
      ',total,,,3,2,0,0,0,1,100,0',
      '',
    ]);
    // The school in all, per group and per day (Wednesday's withdrawn register left out); fenced to its staff.
    const report = expectStatus(
      await service.call('GET', `/schools/${school.schoolId}/attendance?${range}`, { token: admin }),
      200,
    ).body;
    const totals = { records: 3, present: 2, late: 0, leftEarly: 0, absent: 0, excused: 1 };
    const rated = { ...totals, attendancePercent: 100, absencePercent: 0 };
    expect(report).toEqual({
      schoolId: school.schoolId,
      from: '2026-11-01',
      to: '2026-12-31',
      totals: rated,
      groups: [{ groupId: school.groupId, ...rated }],
      days: [{ date: MONDAY, ...rated }],
    });
    const elsewhere = await service.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school.groupId }],
    });
    const fenced = await service.call('GET', `/schools/${school.schoolId}/attendance?${range}`, { token: elsewhere });
    expect(fenced.status).toBe(404);
    const bad = await service.call('GET', `/groups/${school.groupId}/attendance?from=2026-12-31&to=2026-11-01`, {
      token: admin,
    });
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 422, code: 'invalid-range' });
  });

  it('reports nothing, not a fault, for a tenant that has no registers at all', async () => {
    // Found by the tenant-isolation sweep: another tenant asking about this student got a 500.
    const stranger = await service.issuer.mint({ tenant: `none${Date.now().toString(36)}`, roles: ['hq-admin'] });
    const reply = await service.call('GET', `/students/${ben}/attendance?from=2026-11-01&to=2026-12-31`, {
      token: stranger,
    });
    expect({ status: reply.status, records: reply.body.records }).toEqual({ status: 200, records: 0 });
  });
});
