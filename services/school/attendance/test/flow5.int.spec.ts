import { randomUUID } from 'node:crypto';
import { createDevIssuer, eventually, listOf, startBuiltService } from '@hexfleet/testing';
import type { BuiltService, DevIssuer, Reply } from '@hexfleet/testing';
import { addDays } from '../src/domain';
import { expectStatus, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';

type Row = Record<string, unknown>;

/** Today, as every service of the flow sees it: Admin and Events run on the real clock. */
const TODAY = new Date().toISOString().slice(0, 10);
const systemClock = { now: () => new Date() };

// Flow 5 with the services as separate processes: Admin schedules sessions -> registers appear;
// Events declares a holiday -> Admin cancels that day's lessons -> the register is withdrawn and
// marking it is refused with the reason.
describe('flow 5: Admin and Events as deployed, attendance follows', () => {
  const tenant = uniqueTenant('flw');
  const schoolId = randomUUID();
  const teacherId = randomUUID();
  let issuer: DevIssuer;
  let admin: BuiltService, events: BuiltService, attendance: AttendanceHarness;
  let schoolAdmin: string, teacher: string;

  beforeAll(async () => {
    issuer = await createDevIssuer();
    [admin, events, attendance] = await Promise.all([
      startBuiltService('services/school/admin', issuer),
      startBuiltService('services/school/events', issuer),
      startAttendance(systemClock, {}, issuer),
    ]);
    const grant = (role: string, userId?: string) =>
      issuer.mint({ tenant, userId, roles: [role], grants: [{ role, scopeType: 'school', scopeId: schoolId }] });
    [schoolAdmin, teacher] = await Promise.all([grant('school-admin'), grant('teacher', teacherId)]);
  });
  afterAll(() => Promise.allSettled([admin?.stop(), events?.stop(), attendance?.close()]));

  const post = async (service: { call: BuiltService['call'] }, path: string, body: object, status: number) =>
    expectStatus(await service.call('POST', path, { token: schoolAdmin, body }), status);
  const idOf = (reply: Reply, key: string) => String(reply.body[key]);

  it('turns a scheduled session into a register, and a holiday into a withdrawn register marking refuses', async () => {
    // Admin: a year and term around today, a group with one student, a lesson every day.
    const school = `/schools/${schoolId}`;
    const yearId = idOf(
      await post(
        admin,
        `${school}/academic-years`,
        { name: 'This year', startDate: addDays(TODAY, -100), endDate: addDays(TODAY, 200) },
        201,
      ),
      'yearId',
    );
    const termId = idOf(
      await post(
        admin,
        `${school}/academic-years/${yearId}/terms`,
        { name: 'Term', startDate: addDays(TODAY, -90), endDate: addDays(TODAY, 90) },
        201,
      ),
      'termId',
    );
    const subjectId = idOf(
      await post(admin, `${school}/subjects`, { code: 'MATH', name: 'Mathematics' }, 201),
      'subjectId',
    );
    const groupId = idOf(
      await post(admin, `${school}/groups`, { yearId, grade: '5', section: 'A', capacity: 30 }, 201),
      'groupId',
    );
    const studentId = idOf(
      await post(
        admin,
        `${school}/students`,
        {
          admissionNumber: 'F-1',
          firstName: 'Meera',
          lastName: 'Rao',
          birthDate: '2015-06-14',
          guardians: [{ name: 'Asha Rao', relationship: 'mother', email: 'asha@example.com', primary: true }],
          admittedOn: addDays(TODAY, -95),
        },
        201,
      ),
      'studentId',
    );
    await post(admin, `/students/${studentId}/enrolment`, { yearId, enrolledOn: addDays(TODAY, -90), groupId }, 204);
    await post(
      admin,
      `/groups/${groupId}/teachers`,
      { subjectId, teacherUserId: teacherId, teacherName: 'Kiran Shah' },
      204,
    );
    const sessionId = idOf(
      await post(
        admin,
        `${school}/terms/${termId}/sessions`,
        {
          groupId,
          subjectId,
          teacherUserId: teacherId,
          room: 'R-5',
          firstDate: addDays(TODAY, -60),
          lastDate: addDays(TODAY, 60),
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          startTime: '08:00',
          endTime: '08:45',
        },
        201,
      ),
      'sessionId',
    );

    // Attendance: today's lesson is on the teacher's list, with the student, and is marked.
    const day = async () => listOf<Row>(await attendance.call('GET', `/registers?date=${TODAY}`, { token: teacher }));
    await eventually(async () => (await day()).some((r) => r.sessionId === sessionId), {
      what: 'the register of today',
    });
    const register = `/sessions/${sessionId}/registers/${TODAY}`;
    await eventually(
      async () => ((await attendance.call('GET', register, { token: teacher })).body.lines as Row[]).length === 1,
      { what: 'the student on the register' },
    );
    const marked = await attendance.call('POST', `${register}/marks`, {
      token: teacher,
      body: { allPresent: true, marks: [] },
    });
    expect(expectStatus(marked, 200).body.recorded).toBe(1);

    // Events: today is declared a holiday; Admin cancels today's lesson; attendance withdraws the register.
    const calendar = await post(
      events,
      '/calendars',
      { schoolId, kind: 'school', name: 'School calendar', timeZone: 'UTC' },
      201,
    );
    const holiday = await post(
      events,
      `/calendars/${idOf(calendar, 'calendarId')}/events`,
      {
        eventType: 'holiday',
        title: 'Founders day',
        audience: { kind: 'school', ids: [] },
        when: { allDay: true, startDate: TODAY, startTime: null, endDate: TODAY, endTime: null },
      },
      201,
    );
    expectStatus(await events.call('POST', `/events/${idOf(holiday, 'eventId')}/publish`, { token: schoolAdmin }), 204);
    await eventually(async () => (await stored(attendance, tenant, 'RegisterWithdrawn')) === 1, {
      what: 'the register withdrawn',
      timeoutMs: 60_000,
    });
    const refused = await attendance.call('POST', `${register}/corrections`, {
      token: teacher,
      body: { studentId, code: 'A', reason: 'late entry' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'register-withdrawn' });
    expect(JSON.stringify(refused.body)).toContain('Founders day');
    await eventually(async () => (await day()).find((r) => r.sessionId === sessionId)?.status === 'withdrawn', {
      what: 'withdrawn on the teacher’s list',
    });

    // The withdrawal names Admin's cancellation as its cause.
    const { rows: cause } = await attendance.db.pool.query<{ id: string }>(
      `select metadata->>'causationId' as id from eventstore.events where tenant = $1 and event_type = 'RegisterWithdrawn'`,
      [tenant],
    );
    const { rows: cancelled } = await admin.db.pool.query<{ id: string }>(
      `select event_id as id from eventstore.events where tenant = $1 and event_type = 'ClassSessionCancelled'`,
      [tenant],
    );
    expect(cancelled.map((r) => r.id)).toContain(cause[0].id);
  });
});
