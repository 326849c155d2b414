import { fixedClock } from '@hexfleet/kernel';
import { createDevIssuer, eventually, listOf, tenantEvents } from '@hexfleet/testing';
import type { DevIssuer } from '@hexfleet/testing';
import { randomBytes } from 'node:crypto';
import { call, EventsHarness, startEvents } from './support/events-harness';
import { expectStatus, SchoolCalendar, timed } from './support/school-calendar';

type Entry = { registrationId: string; participantId: string; position?: number };
type Lists = { capacity: number; registered: Entry[]; waitlist: Entry[] };

// Acceptance 5: capacity and waitlist through the API and the read model; a venue is never double-booked.
describe('registrations, waitlist and venues', () => {
  const clock = fixedClock('2030-03-01T04:00:00Z');
  let issuer: DevIssuer;
  let service: EventsHarness;
  let school: SchoolCalendar;
  const tenant = `cal${randomBytes(5).toString('hex')}`;
  const storedEvents = (type: string) => tenantEvents(service, tenant, [type]);

  beforeAll(async () => {
    issuer = await createDevIssuer();
    service = await startEvents(issuer, clock);
    school = await new SchoolCalendar(service, await issuer.mint({ tenant, roles: ['school-admin'] })).create();
  });
  afterAll(() => service?.close());

  it('capacity 2 and three registrations: the third waits, and takes the place the first gives up', async () => {
    const hall = await school.venue('Science lab');
    const { eventId } = await school.published({
      eventType: 'parent-teacher-meeting',
      title: 'Science fair walkthrough',
      when: timed('2030-03-12', '15:00', '16:00', hall),
      registration: { required: true, capacity: 2, waitlistEnabled: true },
    });
    const [asha, ravi, meera] = await Promise.all(
      ['asha', 'ravi', 'meera'].map((u) => issuer.mint({ tenant, userId: `user-${u}`, roles: ['parent'] })),
    );
    const registrations = [];
    for (const token of [asha, ravi, meera]) {
      registrations.push(
        expectStatus(await call(service.url, 'POST', `/events/${eventId}/registrations`, { token, body: {} }), 201),
      );
    }
    const outcomes = registrations.map((r) => `${r.body.participantId}:${r.body.status}#${r.body.position ?? '-'}`);
    console.log(`capacity 2, three registrations: ${outcomes.join(', ')}`);
    expect(registrations.map((r) => [r.body.status, r.body.position])).toEqual([
      ['registered', null],
      ['registered', null],
      ['waitlisted', 1],
    ]);
    const [first, , third] = registrations.map((r) => String(r.body.registrationId));

    // The read model, fresh with the last registration's token.
    const before = await call(service.url, 'GET', `/events/${eventId}/registrations`, {
      token: school.token,
      headers: { 'x-consistency-token': registrations[2].headers.get('x-consistency-token') ?? '' },
    });
    expect(before.body).toMatchObject({
      registered: [{ participantId: 'user-asha' }, { participantId: 'user-ravi' }],
      waitlist: [{ participantId: 'user-meera', position: 1 }],
    });

    // Someone else's registration does not exist for a parent; Asha cancels her own.
    const notTheirs = await call(service.url, 'DELETE', `/events/${eventId}/registrations/${first}`, { token: meera });
    expect(notTheirs.status).toBe(404);
    const cancelled = expectStatus(
      await call(service.url, 'DELETE', `/events/${eventId}/registrations/${first}`, { token: asha }),
      200,
    );
    console.log(`asha cancels: ${JSON.stringify(cancelled.body)}`);
    expect(cancelled.body.promoted).toEqual({ registrationId: third, participantId: 'user-meera' });

    const after = await call(service.url, 'GET', `/events/${eventId}/registrations`, {
      token: school.token,
      headers: { 'x-consistency-token': cancelled.headers.get('x-consistency-token') ?? '' },
    });
    const lists = expectStatus(after, 200).body as Lists;
    console.log(
      `read model (${after.headers.get('x-consistency')}): registered ${lists.registered.map((r) => r.participantId).join(', ')}; waitlist [${lists.waitlist.map((r) => r.participantId).join(', ')}]`,
    );
    expect(after.headers.get('x-consistency')).toBe('fresh');
    expect(lists).toMatchObject({ capacity: 2, waitlist: [] });
    expect(lists.registered.map((r) => r.participantId)).toEqual(['user-ravi', 'user-meera']);
    // A parent sees only their own entry; the event shows the counts.
    const own = await call(service.url, 'GET', `/events/${eventId}/registrations`, { token: meera });
    expect((expectStatus(own, 200).body as Lists).registered.map((r) => r.registrationId)).toEqual([third]);
    expect((await school.call('GET', `/events/${eventId}`)).body).toMatchObject({ registered: 2, waitlisted: 0 });
    expect(await storedEvents('ParticipantPromotedFromWaitlist')).toBe(1);
  });

  it('a venue is never double-booked: an overlapping event is refused 409, even five at once', async () => {
    const hall = await school.venue('Main hall');
    const assembly = timed('2030-03-10', '09:00', '10:00', hall);
    expectStatus(await school.schedule({ title: 'Morning assembly', when: assembly }), 201);
    const scheduledBefore = await storedEvents('EventScheduled');

    const clash = await school.schedule({ title: 'Choir practice', when: timed('2030-03-10', '09:30', '10:30', hall) });
    console.log(`overlapping booking of the hall: ${clash.status} ${clash.body.code}`);
    expect([clash.status, clash.body.code]).toEqual([409, 'venue-double-booked']);
    expect(clash.headers.get('content-type')).toContain('application/problem+json');
    expect(await storedEvents('EventScheduled')).toBe(scheduledBefore);

    // The slot ends at 10:00 (exclusive): the next one fits; moving it back into 09:30 does not.
    const next = expectStatus(
      await school.schedule({ title: 'Debate', when: timed('2030-03-10', '10:00', '11:00', hall) }),
      201,
    );
    const moved = await school.call(
      'PUT',
      `/events/${String(next.body.eventId)}/when`,
      timed('2030-03-10', '09:30', '10:30', hall),
    );
    expect([moved.status, moved.body.code]).toEqual([409, 'venue-double-booked']);

    // Five organisers take the free afternoon at once: the venue stream's version lets one through.
    const racers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        school.schedule({ title: `Club ${i}`, when: timed('2030-03-10', '14:00', '15:00', hall) }),
      ),
    );
    const tally = racers.reduce<Record<string, number>>((t, r) => {
      const key = r.status === 201 ? '201' : `${r.status} ${r.body.code}`;
      return { ...t, [key]: (t[key] ?? 0) + 1 };
    }, {});
    console.log(`five concurrent bookings of one slot: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ '201': 1, '409 venue-double-booked': 4 });

    // Cancelling frees the hall: the clash that was refused now fits.
    const winner = String(racers.find((r) => r.status === 201)?.body.eventId);
    expectStatus(await school.call('POST', `/events/${winner}/cancel`, { reason: 'club moved online' }), 204);
    expectStatus(await school.schedule({ title: 'Club 6', when: timed('2030-03-10', '14:00', '15:00', hall) }), 201);
    let bookings: Array<{ start: string; end: string }> = [];
    await eventually(async () => {
      const venues = listOf<{ venueId: string; bookings: typeof bookings }>(
        await school.call('GET', `/schools/${school.schoolId}/venues`),
      );
      bookings = venues.find((v) => v.venueId === hall)?.bookings ?? [];
      return bookings.length === 3;
    });
    console.log(`main hall bookings: ${bookings.map((b) => `${b.start}..${b.end}`).join(', ')}`);
    expect(bookings.map((b) => b.start)).toEqual(['2030-03-10T09:00', '2030-03-10T10:00', '2030-03-10T14:00']);
  });
});
