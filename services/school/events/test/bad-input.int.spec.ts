import { fixedClock } from '@hexfleet/kernel';
import { badInputCases, createDevIssuer, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { randomBytes } from 'node:crypto';
import { EventsHarness, startEvents } from './support/events-harness';
import { expectStatus, SchoolCalendar, timed } from './support/school-calendar';

// Acceptance 6: every endpoint in /openapi.json, each path id, query parameter and body field broken
// in turn, answers 400/422 problem+json naming the field, and nothing is written.
describe('bad input on every Events endpoint', () => {
  let service: EventsHarness;
  const tenant = `bad${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    service = await startEvents(await createDevIssuer(), fixedClock('2030-03-01T04:00:00Z'));
  });
  afterAll(() => service?.close());

  const eventCount = () => tenantEvents(service, tenant);

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const token = await service.issuer.mint({ tenant, roles: ['school-admin'] });
    const school = await new SchoolCalendar(service, token).create();
    const venueId = await school.venue('Main hall');
    const { eventId } = await school.published({
      title: 'Open day',
      when: timed('2030-03-10', '09:00', '10:00', venueId),
      registration: { required: true, capacity: 5, waitlistEnabled: true },
    });
    const registration = expectStatus(await school.call('POST', `/events/${eventId}/registrations`, {}), 201);
    const ids = {
      schoolId: school.schoolId,
      calendarId: school.calendarId,
      eventId,
      venueId,
      registrationId: String(registration.body.registrationId),
    };

    const openapi = openApiOf(await school.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await eventCount();
    const { failures, statuses } = await sendBadInputs(cases, (c) => school.call(c.method, c.path, c.body));
    const after = await eventCount();
    console.log(
      `events: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events in the tenant before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
    // Every operation but the fixed list of event types takes some input, and so was walked.
    expect(inputless).toEqual(['GET /event-types']);
  });
});
