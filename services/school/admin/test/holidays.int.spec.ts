import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { eventually, listOf, withBuiltService } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import { expectStatus, SchoolSetup } from './support/school-setup';

type Lesson = { date: string; cancelled: boolean };

// Flow 5: Events declares a holiday -> Admin cancels the school's lessons on its days, once.
describe('a holiday declared in Events cancels the lessons on its days', () => {
  const fleet = withBuiltService('services/school/events', (issuer) =>
    startAdmin(fixedClock('2026-03-02T09:00:00.000Z'), issuer),
  );
  const tenant = uniqueTenant('hol');

  it('cancels every lesson of the school on the holiday, and nothing else', async () => {
    const { local: admin, built: events, issuer } = fleet;
    const school = await (await SchoolSetup.of(admin, tenant, issuer)).calendar();
    const token = school.token;
    const groupId = await school.group('8', 'A');
    const math = await school.subject('MATH');
    const teacher = randomUUID();
    await school.teach(groupId, math, teacher);
    // Mondays and Wednesdays; the holiday is Wednesday 8 and Thursday 9 April.
    expectStatus(
      await school.schedule({
        groupId,
        subjectId: math,
        teacherUserId: teacher,
        room: 'R-8',
        firstDate: '2026-04-06',
        lastDate: '2026-06-30',
        weekdays: [1, 3],
        startTime: '08:00',
        endTime: '08:45',
      }),
      201,
    );

    const calendar = await events.call('POST', '/calendars', {
      token,
      body: { schoolId: school.schoolId, kind: 'school', name: 'School calendar', timeZone: 'Asia/Kolkata' },
    });
    const calendarId = String(expectStatus(calendar, 201).body.calendarId);
    const holiday = await events.call('POST', `/calendars/${calendarId}/events`, {
      token,
      body: {
        eventType: 'holiday',
        title: 'Founders day',
        audience: { kind: 'school', ids: [] },
        when: { allDay: true, startDate: '2026-04-08', startTime: null, endDate: '2026-04-09', endTime: null },
      },
    });
    const eventId = String(expectStatus(holiday, 201).body.eventId);
    expectStatus(await events.call('POST', `/events/${eventId}/publish`, { token }), 204);

    const week = `/groups/${groupId}/timetable?from=2026-04-06&to=2026-04-15`;
    let lessons: Lesson[] = [];
    await eventually(
      async () => {
        lessons = listOf<Lesson>(await admin.call('GET', week, { token }));
        return lessons.some((l) => l.cancelled);
      },
      { what: 'the holiday to cancel the lesson of 8 April' },
    );
    expect(lessons.map((l) => [l.date, l.cancelled])).toEqual([
      ['2026-04-06', false],
      ['2026-04-08', true],
      ['2026-04-13', false],
      ['2026-04-15', false],
    ]);
    const { rows } = await admin.db.pool.query<{ causation: string; n: string }>(
      `select metadata->>'causationId' as causation, count(*) as n from eventstore.events
       where tenant = $1 and event_type = 'ClassSessionCancelled' group by 1`,
      [tenant],
    );
    const { rows: declared } = await events.db.pool.query<{ id: string }>(
      `select event_id as id from eventstore.events where tenant = $1 and event_type = 'HolidayDeclared'`,
      [tenant],
    );
    // One lesson fell on the holiday (Thursday has none): one cancellation, caused by the declaration.
    expect(rows.map((r) => [r.causation, Number(r.n)])).toEqual([[declared[0].id, 1]]);
  });
});
