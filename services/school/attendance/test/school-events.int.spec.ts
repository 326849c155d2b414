import { events } from '@hexfleet/schemas';
import { eventually } from '@hexfleet/testing';
import { expectStatus, MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, MONDAY, SchoolFacts, WEDNESDAY } from './support/school-facts';

type Row = Record<string, unknown>;

// Events' school trip for a group: its students' lessons in that time are pre-filled `excused: school event`.
describe('school events pre-fill registers', () => {
  const tenant = uniqueTenant('sev');
  const clock = new MovableClock(AT_NINE(WEDNESDAY));
  let service: AttendanceHarness;
  let school: SchoolFacts;
  let teacher: string;

  beforeAll(async () => {
    [service, school] = await Promise.all([startAttendance(clock, { lockDays: 30 }), SchoolFacts.start(tenant)]);
    await school.setUp();
    teacher = await school.teacher(service);
    await eventually(async () => (await stored(service, tenant, 'RosterMemberJoined')) === 3, { what: 'the roster' });
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  const trip = (eventId: string, date: string) =>
    events.eventScheduled({
      eventId,
      calendarId: school.termId,
      schoolId: school.schoolId,
      eventType: 'trip',
      title: 'Museum trip',
      description: '',
      audienceKind: 'groups',
      audienceIds: [school.groupId],
      allDay: true,
      startDate: date,
      startTime: null,
      endDate: date,
      endTime: null,
      recurrence: null,
      venueId: null,
      timeZone: 'UTC',
      registrationRequired: false,
      capacity: null,
      waitlistEnabled: false,
      reminderMinutesBefore: [],
      scheduledBy: school.teacherId,
      scheduledAt: AT_NINE(MONDAY),
    });
  const published = (eventId: string, date: string) =>
    events.eventPublished({
      eventId,
      calendarId: school.termId,
      schoolId: school.schoolId,
      eventType: 'trip',
      title: 'Museum trip',
      startDate: date,
      endDate: date,
      publishedAt: AT_NINE(MONDAY),
    });
  const lines = async (date: string) =>
    expectStatus(await service.call('GET', school.registerPath(date), { token: teacher }), 200).body.lines as Row[];

  it('shows a published trip’s lessons pre-filled excused, and all present marks them so', async () => {
    const tripId = school.sessionId; // any UUID of its own
    await school.events.record(tenant, 'event', tripId, trip(tripId, WEDNESDAY));
    await school.events.record(tenant, 'event', tripId, published(tripId, WEDNESDAY));
    await eventually(async () => (await lines(WEDNESDAY)).every((l) => l.prefillCode === 'E'), {
      what: 'the trip pre-filled',
    });
    expect((await lines(WEDNESDAY))[0]).toMatchObject({ code: null, prefillCode: 'E', prefillReason: 'Museum trip' });
    const [asha, ben] = school.students;
    const body = { allPresent: true, marks: [{ studentId: ben, code: 'A' }] };
    expectStatus(await service.call('POST', school.registerPath(WEDNESDAY, '/marks'), { token: teacher, body }), 200);
    expect((await lines(WEDNESDAY)).map((l) => [l.studentId === asha, l.code])).toEqual([
      [true, 'E'],
      [false, 'A'],
      [false, 'E'],
    ]);
  });

  it('pre-fills nothing for a draft, nor for a trip cancelled after it was published', async () => {
    const draft = school.groupId; // UUIDs the school does not otherwise use as event ids
    const cancelled = school.termId;
    await school.events.record(tenant, 'event', draft, trip(draft, MONDAY));
    await school.events.record(tenant, 'event', cancelled, trip(cancelled, MONDAY));
    await school.events.record(tenant, 'event', cancelled, published(cancelled, MONDAY));
    await school.events.record(
      tenant,
      'event',
      cancelled,
      events.eventCancelled({
        eventId: cancelled,
        schoolId: school.schoolId,
        reason: 'rain',
        cancelledAt: AT_NINE(MONDAY),
      }),
    );
    await eventually(async () => (await stored(service, tenant, 'GroupEventDropped')) === 1, {
      what: 'the trip dropped',
    });
    expect((await lines(MONDAY)).map((l) => l.prefillCode)).toEqual([null, null, null]);
  });

  it("pre-fills a student's leave recorded ahead, and refuses a leave for a student not in the group, writing nothing", async () => {
    const [, ben] = school.students;
    const admin = await service.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school.schoolId }],
    });
    const leaves = `/groups/${school.groupId}/leaves`;
    const before = await stored(service, tenant);
    const stranger = { studentId: school.groupId, fromDate: '2026-12-09', toDate: '2026-12-09', reason: 'x' };
    const refused = await service.call('POST', leaves, { token: admin, body: stranger });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'student-not-in-group' });
    expect(await stored(service, tenant)).toBe(before);

    const body = { studentId: ben, fromDate: '2026-12-09', toDate: '2026-12-10', reason: 'Family wedding' };
    expectStatus(await service.call('POST', leaves, { token: admin, body }), 201);
    clock.set(AT_NINE('2026-12-09'));
    expect((await lines('2026-12-09')).map((l) => l.prefillReason)).toEqual([null, 'Leave: Family wedding', null]);
    const marked = { allPresent: true, marks: [] };
    expectStatus(
      await service.call('POST', school.registerPath('2026-12-09', '/marks'), { token: teacher, body: marked }),
      200,
    );
    expect((await lines('2026-12-09')).map((l) => l.code)).toEqual(['P', 'E', 'P']);
  });
});
