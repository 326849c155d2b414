import { fixedClock } from '@hexfleet/kernel';
import { createDevIssuer, eventually } from '@hexfleet/testing';
import type { DevIssuer } from '@hexfleet/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { call, EventsHarness, startEvents } from './support/events-harness';
import { expectStatus, SchoolCalendar, timed } from './support/school-calendar';

type Occurrence = { title: string; startDate: string; startTime: string | null; status: string };
type Month = { occurrences: Occurrence[] };

// The calendar read model: a month per school, for an audience; only published events for non-organisers.
describe('school calendar', () => {
  const clock = fixedClock('2030-04-01T04:00:00Z');
  let issuer: DevIssuer;
  let service: EventsHarness;
  let school: SchoolCalendar;
  const tenant = `cal${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    issuer = await createDevIssuer();
    service = await startEvents(issuer, clock);
    school = await new SchoolCalendar(service, await issuer.mint({ tenant, roles: ['teacher'] })).create();
  });
  afterAll(() => service?.close());

  it('shows a month of published events by audience; drafts only to organisers; a holiday declares its days', async () => {
    const group5a = randomUUID();
    const weekly = { frequency: 'weekly', interval: 1, count: 4, until: null };
    const practice = await school.published({
      title: 'House practice',
      eventType: 'sports',
      when: { ...timed('2030-04-03', '15:00', '16:30'), recurrence: weekly },
    });
    const trip = await school.published({
      title: '5A trip',
      eventType: 'trip',
      audience: { kind: 'groups', ids: [group5a] },
      when: { allDay: true, startDate: '2030-04-10', startTime: null, endDate: '2030-04-11', endTime: null },
    });
    const interview = await school.published({
      title: 'Head boy interview',
      eventType: 'parent-teacher-meeting',
      audience: { kind: 'users', ids: ['user-kabir'] },
      when: timed('2030-04-08', '11:00', '11:30'),
    });
    const draft = expectStatus(
      await school.schedule({ title: 'Draft exam', eventType: 'exam', when: timed('2030-04-20', '09:00', '12:00') }),
      201,
    );
    const holiday = await school.published({
      title: 'Spring break',
      eventType: 'holiday',
      when: { allDay: true, startDate: '2030-04-14', startTime: null, endDate: '2030-04-18', endTime: null },
    });

    // Five events are five streams: the read waits for all of them, not only the last (ADR 0030).
    const everyWrite = [practice, trip, interview, holiday]
      .map((event) => event.token)
      .concat(draft.headers.get('x-consistency-token') ?? '')
      .join(', ');
    const student = await issuer.mint({ tenant, userId: 'user-asha', roles: ['student'] });
    const read = (token: string, query: string) =>
      call(service.url, 'GET', `/schools/${school.schoolId}/calendar?month=2030-04${query}`, {
        token,
        headers: { 'x-consistency-token': everyWrite },
      });
    const titles = (reply: { body: unknown }) =>
      (reply.body as Month).occurrences.map((o) => `${o.startDate} ${o.title}`);

    // The first events of a new tenant also create its schema: under load that can outlast one bounded wait.
    let asStudent = await read(student, '');
    await eventually(async () => (asStudent = await read(student, '')).headers.get('x-consistency') === 'fresh', {
      what: 'the calendar read model to apply the five events',
    });
    console.log(`April for a student (${asStudent.headers.get('x-consistency')}): ${titles(asStudent).join(' | ')}`);
    // Asha is in no group (neither Admin's events nor her token place her): 5A's trip is not hers (ADR 0048).
    expect(titles(asStudent)).toEqual([
      '2030-04-03 House practice',
      '2030-04-10 House practice',
      '2030-04-14 Spring break',
      '2030-04-17 House practice',
      '2030-04-24 House practice',
    ]);
    const asOrganiser = await read(school.token, '');
    expect(titles(asOrganiser)).toEqual(
      expect.arrayContaining(['2030-04-20 Draft exam', '2030-04-08 Head boy interview', '2030-04-10 5A trip']),
    );
    // A role granted over the group places its holder in the group's audience.
    const in5a = await issuer.mint({
      tenant,
      userId: 'user-ravi',
      roles: ['student'],
      grants: [{ role: 'student', scopeType: 'group', scopeId: group5a }],
    });
    expect(titles(await read(in5a, `&groupId=${group5a}`))).toContain('2030-04-10 5A trip');
    const otherGroup = await read(student, `&groupId=${randomUUID()}`);
    expect(titles(otherGroup)).not.toContain('2030-04-10 5A trip');
    const kabir = await issuer.mint({ tenant, userId: 'user-kabir', roles: ['student'] });
    expect(titles(await read(kabir, ''))).toContain('2030-04-08 Head boy interview');
    const draftId = String(draft.body.eventId);
    expect((await call(service.url, 'GET', `/events/${draftId}`, { token: student })).status).toBe(404);

    const holidays = await call(service.url, 'GET', `/schools/${school.schoolId}/holidays?from=2030-01-01`, {
      token: student,
    });
    console.log(`holidays: ${JSON.stringify(holidays.body)}`);
    expect(holidays.body).toEqual([
      expect.objectContaining({ name: 'Spring break', startDate: '2030-04-14', endDate: '2030-04-18' }),
    ]);

    // The weekly series completes once its last occurrence (24 April) is over, not before.
    const early = await school.call('POST', `/events/${practice.eventId}/complete`);
    expect([early.status, early.body.code]).toEqual([409, 'event-not-finished']);
    clock.set('2030-04-25T04:00:00Z');
    expectStatus(await school.call('POST', `/events/${practice.eventId}/complete`), 204);
  });
});
