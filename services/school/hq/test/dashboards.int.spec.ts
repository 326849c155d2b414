import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { events, libraries } from '@hexfleet/schemas';
import { caughtUp, eventually, OutboxStandIn, readTopicUntil } from '@hexfleet/testing';
import { openSchool, outcomes, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const overdue = (schoolId: string, loanId: string, asOf: string) =>
  libraries.loanOverdue({
    loanId,
    schoolId,
    copyId: randomUUID(),
    titleId: randomUUID(),
    patronId: randomUUID(),
    dueDate: '2026-02-20',
    asOf,
    daysOverdue: 5,
    accruedFineMinor: 500,
    currency: 'INR',
    detectedAt: `${asOf}T01:00:00.000Z`,
  });

const scheduled = (schoolId: string, eventId: string, startDate: string) =>
  events.eventScheduled({
    eventId,
    calendarId: randomUUID(),
    schoolId,
    eventType: 'sports',
    title: 'Sports day',
    description: '',
    audienceKind: 'school',
    audienceIds: [],
    allDay: true,
    startDate,
    endDate: startDate,
    timeZone: 'UTC',
    registrationRequired: false,
    waitlistEnabled: false,
    scheduledBy: randomUUID(),
    scheduledAt: '2026-02-01T09:00:00.000Z',
  });
const published = (schoolId: string, eventId: string, startDate: string) =>
  events.eventPublished({
    eventId,
    calendarId: randomUUID(),
    schoolId,
    eventType: 'sports',
    title: 'Sports day',
    startDate,
    endDate: startDate,
    publishedAt: '2026-02-01T10:00:00.000Z',
  });

// The dashboards read other modules' events from Kafka: libraries' LoanOverdue and events' calendar,
// published here by stand-ins with those modules' contracts.
describe('consolidated dashboards', () => {
  let service: HqHarness;
  let library: OutboxStandIn;
  let calendar: OutboxStandIn;
  const tenant = uniqueTenant('dash');

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-04T09:00:00Z'));
    library = await OutboxStandIn.start('libraries', '/school/libraries', libraries.contracts);
    await library.publish();
    calendar = await OutboxStandIn.start('events', '/school/events', events.contracts);
    await calendar.publish();
  });
  afterAll(async () => {
    await library?.close();
    await calendar?.close();
    await service?.close();
  });

  it('draws overdue loans and upcoming events per day and per week, for a school and for the group', async () => {
    const hq = await tokens(service, tenant).hq();
    const { schoolId: a } = await openSchool(service, hq, { name: 'A' });
    const { schoolId: b } = await openSchool(service, hq, { name: 'B' });
    const [loan1, loan2, loanB] = [randomUUID(), randomUUID(), randomUUID()];
    // Loan 1 overdue on the 2nd and 3rd, loan 2 on the 3rd; B's loan on the 3rd.
    await library.record(tenant, 'loan', loan1, overdue(a, loan1, '2026-03-02'));
    await library.record(tenant, 'loan', loan1, overdue(a, loan1, '2026-03-03'));
    await library.record(tenant, 'loan', loan2, overdue(a, loan2, '2026-03-03'));
    await library.record(tenant, 'loan', loanB, overdue(b, loanB, '2026-03-03'));
    // A published event cancelled, then a published event on the 10th and a draft on the 11th
    // (not counted). The cancelled one is counted until its cancellation arrives, and its
    // stream may sit on another partition than the others: it goes first, wholly consumed.
    const [shown, draft, cancelled] = [randomUUID(), randomUUID(), randomUUID()];
    await calendar.record(tenant, 'event', cancelled, scheduled(a, cancelled, '2026-03-10'));
    await calendar.record(tenant, 'event', cancelled, published(a, cancelled, '2026-03-10'));
    await calendar.record(
      tenant,
      'event',
      cancelled,
      events.eventCancelled({ eventId: cancelled, schoolId: a, reason: 'rain', cancelledAt: '2026-03-01T08:00:00Z' }),
    );
    await readTopicUntil('events.event.v1', (all) =>
      all.some(
        (r) => String(r.key) === `${tenant}:${cancelled}` && r.headers?.ce_type?.toString().endsWith('.EventCancelled'),
      ),
    );
    const dashboard = service.groups.find((g) => g.groupId.startsWith('projection.hq-dashboard'));
    await caughtUp(String(dashboard?.groupId), ['events.event.v1'], { tenant });
    await calendar.record(tenant, 'event', shown, scheduled(a, shown, '2026-03-10'));
    await calendar.record(tenant, 'event', shown, published(a, shown, '2026-03-10'));
    await calendar.record(tenant, 'event', draft, scheduled(a, draft, '2026-03-11'));

    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    const dailyPath = `/schools/${a}/dashboard?from=2026-03-01&to=2026-03-11`;
    const total = (points: unknown) => (points as Array<{ value: number }>).reduce((n, p) => n + p.value, 0);
    // Other modules' events carry no token of ours to wait on: poll until both have arrived.
    await eventually(
      async () => {
        const { body } = await service.call('GET', dailyPath, { token: adminOfA });
        return total(body.overdueLoans) === 3 && total(body.upcomingEvents) === 1;
      },
      { what: 'the loans and the calendar on the dashboard' },
    );
    const daily = (await service.call('GET', dailyPath, { token: adminOfA })).body;
    const nonZero = (points: unknown) =>
      (points as Array<{ period: string; value: number }>).filter((p) => p.value > 0);
    expect(daily).toMatchObject({ schoolId: a, from: '2026-03-01', to: '2026-03-11', interval: 'day' });
    expect((daily.overdueLoans as unknown[]).length).toBe(11);
    expect(nonZero(daily.overdueLoans)).toEqual([
      { period: '2026-03-02', value: 1 },
      { period: '2026-03-03', value: 2 },
    ]);
    expect(nonZero(daily.upcomingEvents)).toEqual([{ period: '2026-03-10', value: 1 }]);

    const weekly = await service.call('GET', `/schools/${a}/dashboard?from=2026-03-01&to=2026-03-15&interval=week`, {
      token: adminOfA,
    });
    // Weeks starting Monday 23 Feb, 2 and 9 March; loan 1 counts once in its week.
    expect(weekly.body).toMatchObject({
      overdueLoans: [
        { period: '2026-02-23', value: 0 },
        { period: '2026-03-02', value: 2 },
        { period: '2026-03-09', value: 0 },
      ],
      upcomingEvents: [
        { period: '2026-02-23', value: 0 },
        { period: '2026-03-02', value: 0 },
        { period: '2026-03-09', value: 1 },
      ],
    });

    // B's loan may sit on another partition than A's: wait for it too.
    const groupPath = '/dashboard?from=2026-03-03&to=2026-03-03';
    await eventually(async () => total((await service.call('GET', groupPath, { token: hq })).body.overdueLoans) === 3, {
      what: "school B's loan on the group dashboard",
    });
    const group = await service.call('GET', groupPath, { token: hq });
    expect(group.body).toMatchObject({ schoolId: null, overdueLoans: [{ period: '2026-03-03', value: 3 }] });
    expect(
      outcomes({
        otherSchool: await service.call('GET', `/schools/${b}/dashboard`, { token: adminOfA }),
        groupForSchoolAdmin: await service.call('GET', '/dashboard', { token: adminOfA }),
        tooLong: await service.call('GET', `/schools/${a}/dashboard?from=2025-01-01&to=2026-03-01`, { token: hq }),
        backwards: await service.call('GET', `/schools/${a}/dashboard?from=2026-03-02&to=2026-03-01`, { token: hq }),
      }),
    ).toEqual({
      otherSchool: [404, 'not-found'],
      groupForSchoolAdmin: [403, 'forbidden'],
      tooLong: [422, 'range-too-long'],
      backwards: [422, 'ends-before-start'],
    });
  });
});
