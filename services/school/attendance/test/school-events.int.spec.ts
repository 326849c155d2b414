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
});
