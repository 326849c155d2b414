import { randomBytes, randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { createDevIssuer, eventually, readTopicUntil, redeliver } from '@hexfleet/testing';
import type { DevIssuer } from '@hexfleet/testing';
import { AdminStandIn } from './support/admin-stand-in';
import type { Student } from './support/admin-stand-in';
import { call, startEvents } from './support/events-harness';
import type { EventsHarness } from './support/events-harness';
import { expectStatus, SchoolCalendar, timed } from './support/school-calendar';

type Month = { occurrences: Array<{ title: string }> };
type Audience = { items: Array<{ userId: string; groupId: string | null; rollNumber: number | null }>; total: number };

// Flow 4, the events part: Admin's group membership decides who sees a group's events and who an event reaches.
describe('event audiences follow Admin’s groups', () => {
  let issuer: DevIssuer;
  let service: EventsHarness;
  let adminOut: AdminStandIn;
  let school: SchoolCalendar;
  const tenant = `aud${randomBytes(5).toString('hex')}`;
  const schoolId = randomUUID();
  const [groupA, groupB, yearId] = [randomUUID(), randomUUID(), randomUUID()];
  const asha: Student = {
    studentId: randomUUID(),
    schoolId,
    yearId,
    admissionNumber: 'A-1',
    firstName: 'Asha',
    lastName: 'Rao',
  };

  beforeAll(async () => {
    issuer = await createDevIssuer();
    // Events first: its consumer groups start at the topics' ends, then the stand-in publishes.
    service = await startEvents(issuer, fixedClock('2030-04-01T04:00:00Z'));
    adminOut = await AdminStandIn.start(tenant);
    const organiser = await issuer.mint({
      tenant,
      roles: ['teacher'],
      grants: [{ role: 'teacher', scopeType: 'school', scopeId: schoolId }],
    });
    school = await new SchoolCalendar(service, organiser, schoolId).create();
  });
  afterAll(async () => {
    await adminOut?.close();
    await service?.close();
  });

  const audienceOf = async (eventId: string, token = school.token, written = '') =>
    call(service.url, 'GET', `/events/${eventId}/audience?limit=10`, {
      token,
      headers: written ? { 'x-consistency-token': written } : {},
    });
  const membersOf = async (eventId: string) =>
    (expectStatus(await audienceOf(eventId), 200).body as Audience).items.map((m) => [
      m.userId,
      m.groupId,
      m.rollNumber,
    ]);

  it('shows a student their group’s events only, follows a move and a withdrawal, and lists each audience', async () => {
    const trip = (title: string, groupId: string, day: string) =>
      school.published({
        title,
        eventType: 'trip',
        audience: { kind: 'groups', ids: [groupId] },
        when: timed(day, '09:00', '15:00'),
        registration: { required: true, capacity: 10, waitlistEnabled: false },
      });
    const tripA = await trip('A trip', groupA, '2030-04-10');
    const tripB = await trip('B trip', groupB, '2030-04-11');
    const assembly = await school.published({ title: 'Assembly', when: timed('2030-04-12', '08:00', '09:00') });
    const written = [tripA, tripB, assembly].map((e) => e.token).join(', ');

    // A student's token names no group: only Admin's events place Asha (her user id is her student id).
    const student = await issuer.mint({ tenant, userId: asha.studentId, roles: ['student'] });
    const seen = async () => {
      const reply = await call(service.url, 'GET', `/schools/${schoolId}/calendar?month=2030-04`, {
        token: student,
        headers: { 'x-consistency-token': written },
      });
      return (reply.body as Month).occurrences.map((o) => o.title);
    };
    await eventually(async () => (await seen()).includes('Assembly'), { what: 'the published events' });
    expect(await seen()).toEqual(['Assembly']);

    await adminOut.enrol(asha, groupA, 3);
    await eventually(async () => (await seen()).includes('A trip'), { what: 'Asha in group A’s audience' });
    expect(await seen()).toEqual(['A trip', 'Assembly']);
    expect((await call(service.url, 'GET', `/events/${tripB.eventId}`, { token: student })).status).toBe(404);
    expect(await membersOf(tripA.eventId)).toEqual([[asha.studentId, groupA, 3]]);
    expect(await membersOf(tripB.eventId)).toEqual([]);
    // Self-registration goes by the same membership: A's trip takes her, B's does not.
    const notInB = await call(service.url, 'POST', `/events/${tripB.eventId}/registrations`, {
      token: student,
      body: {},
    });
    expect([notInB.status, notInB.body.code]).toEqual([409, 'not-in-audience']);
    expectStatus(
      await call(service.url, 'POST', `/events/${tripA.eventId}/registrations`, { token: student, body: {} }),
      201,
    );

    await adminOut.move(asha, groupA, groupB, 7);
    // The two groups may sit on two partitions: wait for both halves of the move.
    await eventually(async () => (await seen()).join() === 'B trip,Assembly', { what: 'Asha moved from A to B' });
    expect(await seen()).toEqual(['B trip', 'Assembly']);
    expect(await membersOf(tripA.eventId)).toEqual([]);
    expect(await membersOf(tripB.eventId)).toEqual([[asha.studentId, groupB, 7]]);
    // The school's audience is everyone in one of its groups.
    expect(await membersOf(assembly.eventId)).toEqual([[asha.studentId, groupB, 7]]);

    // Redelivered, her first joining of group A changes nothing.
    const groupRecords = await readTopicUntil('admin.group.v1', (records) =>
      records.some((r) => String(r.key) === `${tenant}:${groupA}`),
    );
    const joinedA = groupRecords.find((r) => String(r.key) === `${tenant}:${groupA}`);
    if (!joinedA) throw new Error('no record of group A');
    const audiences = service.groups.find((g) => g.groupId.startsWith('projection.school-audiences'));
    await redeliver('admin.group.v1', joinedA, String(audiences?.groupId));
    expect(await seen()).toEqual(['B trip', 'Assembly']);
    expect(await membersOf(tripA.eventId)).toEqual([]);

    await adminOut.withdraw(asha, groupB);
    await eventually(async () => !(await seen()).includes('B trip'), { what: 'Asha out of every audience' });
    expect(await seen()).toEqual(['Assembly']);
    expect(await membersOf(tripB.eventId)).toEqual([]);
  });

  it('lists an audience only for the event’s school: 404 for another school’s staff, 403 for its other roles', async () => {
    const event = await school.published({
      title: 'Sports day',
      eventType: 'sports',
      audience: { kind: 'groups', ids: [groupA] },
      when: timed('2030-04-15', '09:00', '12:00'),
    });
    const token = (role: 'teacher' | 'school-admin' | 'librarian' | 'hq-admin', scopeId: string | null) =>
      issuer.mint({
        tenant,
        roles: [role],
        grants: [{ role, scopeType: scopeId ? 'school' : 'tenant', scopeId }],
      });
    // Once the calendar has the event (its publication's token), each caller gets what the fence says.
    const asOrganiser = await audienceOf(event.eventId, school.token, event.token);
    expect([asOrganiser.status, asOrganiser.headers.get('x-consistency')]).toEqual([200, 'fresh']);
    const otherSchool = await audienceOf(event.eventId, await token('school-admin', randomUUID()));
    expect(otherSchool.status).toBe(404);
    const roleOnly = await audienceOf(event.eventId, await issuer.mint({ tenant, roles: ['teacher'] }));
    expect(roleOnly.status).toBe(404);
    expect((await audienceOf(event.eventId, await token('librarian', schoolId))).status).toBe(403);
    expect((await audienceOf(event.eventId, await token('school-admin', schoolId))).status).toBe(200);
    expect((await audienceOf(event.eventId, await token('hq-admin', null))).status).toBe(200);
    const otherTenant = await issuer.mint({ tenant: `aud${randomBytes(5).toString('hex')}`, roles: ['hq-admin'] });
    expect((await audienceOf(event.eventId, otherTenant)).status).toBe(404);
  });
});
