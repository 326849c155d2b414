import { randomBytes, randomUUID } from 'node:crypto';
import { Fleet, graphql, GraphqlReply, startFleet, upstreamCalls } from './support/fleet';

interface Registered {
  registrationId: string;
  participantId: string;
  status: string;
  position: number | null;
  consistencyToken: string;
}

interface Registrations {
  registered: Array<{ participantId: string }>;
  waitlist: Array<{ participantId: string; position: number }>;
}

const tenant = `gqe${randomBytes(4).toString('hex')}`;
const schoolId = randomUUID();

/** The one root field of a reply that must have succeeded, or a failure showing its errors. */
function fieldOf<T>(reply: GraphqlReply): T {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(JSON.stringify(reply.body));
  return Object.values(reply.body.data)[0] as T;
}

const extensionsOf = (reply: GraphqlReply) => (reply.body as { extensions?: Record<string, unknown> }).extensions;

const SCHEDULE = `mutation ($calendarId: ID!, $input: ScheduleEventInput!) {
  scheduleEvent(calendarId: $calendarId, input: $input) { id consistencyToken }
}`;

/**
 * School events over GraphQL only, against the events service as deployed: a calendar and
 * a venue, an event scheduled there and published, two students registering for its one
 * place (one waitlisted), the list as the organiser sees it, and a cancellation that
 * promotes the waitlisted one.
 */
describe('school events through GraphQL', () => {
  let fleet: Fleet;
  const tokens: Record<'organiser' | 'ada' | 'bob', string> = { organiser: '', ada: '', bob: '' };
  const userIds = { ada: randomUUID(), bob: randomUUID() };
  const as = (who: keyof typeof tokens, query: string, variables?: Record<string, unknown>, token?: string) =>
    graphql(fleet.url, query, {
      token: tokens[who],
      variables,
      headers: token ? { 'x-consistency-token': token } : {},
    });
  let calendarId: string;
  let venueId: string;

  const sportsDay = (title: string) => ({
    eventType: 'sports',
    title,
    audience: { kind: 'school', ids: [] },
    when: {
      allDay: false,
      startDate: '2030-09-10',
      startTime: '09:00',
      endDate: '2030-09-10',
      endTime: '12:00',
      venueId,
    },
    registration: { required: true, capacity: 1, waitlistEnabled: true },
  });

  beforeAll(async () => {
    fleet = await startFleet({ events: 'services/school/events' });
    tokens.organiser = await fleet.issuer.mint({ tenant, roles: ['school-admin'], expiresInSeconds: 900 });
    tokens.ada = await fleet.issuer.mint({ tenant, userId: userIds.ada, roles: ['student'], expiresInSeconds: 900 });
    tokens.bob = await fleet.issuer.mint({ tenant, userId: userIds.bob, roles: ['student'], expiresInSeconds: 900 });
  });
  afterAll(() => fleet?.stop());

  it('schedules and publishes an event at a venue, registers, waitlists, lists and cancels', async () => {
    calendarId = fieldOf<{ id: string }>(
      await as('organiser', `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`, {
        input: { schoolId, kind: 'school', name: 'School calendar', timeZone: 'Asia/Kolkata' },
      }),
    ).id;
    const venue = fieldOf<{ id: string; consistencyToken: string }>(
      await as(
        'organiser',
        `mutation { registerVenue(input: { schoolId: "${schoolId}", name: "Main hall" }) { id consistencyToken } }`,
      ),
    );
    venueId = venue.id;
    const scheduled = fieldOf<{ id: string; consistencyToken: string }>(
      await as('organiser', SCHEDULE, { calendarId, input: sportsDay('Sports day') }),
    );
    const eventId = scheduled.id;
    const published = fieldOf<{ consistencyToken: string }>(
      await as('organiser', `mutation { publishEvent(eventId: "${eventId}") { accepted consistencyToken } }`),
    );

    const register = async (who: 'ada' | 'bob', token: string) =>
      fieldOf<Registered>(
        await as(
          who,
          `mutation { registerForEvent(eventId: "${eventId}") { registrationId participantId status position consistencyToken } }`,
          undefined,
          token,
        ),
      );
    const ada = await register('ada', published.consistencyToken);
    const bob = await register('bob', ada.consistencyToken);
    expect(ada).toMatchObject({ participantId: userIds.ada, status: 'registered', position: null });
    expect(bob).toMatchObject({ participantId: userIds.bob, status: 'waitlisted', position: 1 });

    const eventsCalls = await upstreamCalls(fleet.url, 'events');
    const seen = await as(
      'organiser',
      `{ eventRegistrations(eventId: "${eventId}") { capacity registered { participantId } waitlist { participantId position } }
         event(eventId: "${eventId}") { title status registered waitlisted venue { name } }
         schoolCalendar(schoolId: "${schoolId}", month: "2030-09") { occurrences { title venue { name } } } }`,
      undefined,
      // The venue is its own stream: a token for the registrations says nothing about it.
      `${venue.consistencyToken},${bob.consistencyToken}`,
    );
    expect(seen.body.errors).toBeUndefined();
    expect(extensionsOf(seen)?.consistency).toBe('fresh');
    expect(seen.body.data).toEqual({
      eventRegistrations: {
        capacity: 1,
        registered: [{ participantId: userIds.ada }],
        waitlist: [{ participantId: userIds.bob, position: 1 }],
      },
      event: { title: 'Sports day', status: 'published', registered: 1, waitlisted: 1, venue: { name: 'Main hall' } },
      schoolCalendar: { occurrences: [{ title: 'Sports day', venue: { name: 'Main hall' } }] },
    });
    // Three reads and one call for the school's venues, whichever events and occurrences name them.
    expect((await upstreamCalls(fleet.url, 'events')) - eventsCalls).toBe(4);

    // A student sees only their own registration.
    const own = fieldOf<Registrations>(
      await as(
        'bob',
        `{ eventRegistrations(eventId: "${eventId}") { registered { participantId } waitlist { participantId position } } }`,
      ),
    );
    expect(own).toEqual({ registered: [], waitlist: [{ participantId: userIds.bob, position: 1 }] });

    const cancelled = fieldOf<{ promoted: unknown; consistencyToken: string }>(
      await as(
        'ada',
        `mutation { cancelRegistration(eventId: "${eventId}", registrationId: "${ada.registrationId}") {
           registrationId promoted { registrationId participantId } consistencyToken } }`,
      ),
    );
    expect(cancelled.promoted).toEqual({ registrationId: bob.registrationId, participantId: userIds.bob });
    const after = await as(
      'organiser',
      `{ eventRegistrations(eventId: "${eventId}") { registered { participantId } waitlist { participantId position } } }`,
      undefined,
      cancelled.consistencyToken,
    );
    expect(extensionsOf(after)?.consistency).toBe('fresh');
    expect(fieldOf<Registrations>(after)).toEqual({ registered: [{ participantId: userIds.bob }], waitlist: [] });

    // Who the event reaches (Admin has placed nobody in this school): for the school's organisers only.
    const audience = `{ eventAudience(eventId: "${eventId}", limit: 10) { items { userId groupId } limit offset hasMore total } }`;
    const ofSchool = await fleet.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: schoolId }],
    });
    const listed = await graphql(fleet.url, audience, { token: ofSchool });
    expect(fieldOf(listed)).toEqual({ items: [], limit: 10, offset: 0, hasMore: false, total: 0 });
    const unfenced = await as('organiser', audience);
    expect(unfenced.body.errors?.[0]?.extensions).toMatchObject({ status: 404 });
  });

  it('answers a malformed argument with an error naming the field, and a broken rule with its code', async () => {
    const malformed = await as(
      'organiser',
      `mutation { createCalendar(input: { schoolId: "not-a-school", kind: "school", name: "X", timeZone: "UTC" }) { id } }`,
    );
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({
      code: 'validation-failed',
      status: 400,
      errors: [expect.objectContaining({ field: 'schoolId' })],
    });
    const badTime = await as('organiser', SCHEDULE, {
      calendarId,
      input: { ...sportsDay('Late'), when: { ...sportsDay('Late').when, startTime: '25:00' } },
    });
    expect(badTime.body.errors?.[0]?.extensions?.errors).toEqual([
      expect.objectContaining({ field: 'when.startTime' }),
    ]);

    // The hall is taken at that time by the sports day.
    const clash = await as('organiser', SCHEDULE, { calendarId, input: sportsDay('Assembly') });
    expect(clash.body.errors?.[0]?.extensions).toMatchObject({ code: 'venue-double-booked', status: 409 });
    console.log(
      `refused: ${[malformed, badTime, clash].map((r) => `${r.status} ${r.body.errors?.[0]?.extensions?.code}`).join('; ')}`,
    );
  });
});
