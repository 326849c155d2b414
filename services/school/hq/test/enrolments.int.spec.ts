import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import { eventually, OutboxStandIn, readTopicUntil, redeliver, storedEvents } from '@hexfleet/testing';
import { openSchool, outcomes, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const enrolled = (studentId: string, schoolId: string, enrolledOn: string) =>
  admin.studentEnrolled({
    studentId,
    schoolId,
    yearId: randomUUID(),
    groupId: randomUUID(),
    rollNumber: 1,
    admissionNumber: `N-${studentId.slice(0, 8)}`,
    firstName: 'Asha',
    lastName: '',
    birthDate: '2018-06-01',
    email: null,
    guardians: [{ name: 'Parent', relationship: 'mother', email: 'parent@example.com', phone: null, primary: true }],
    enrolledOn,
    enrolledAt: `${enrolledOn}T04:00:00.000Z`,
  });

type Point = { period: string; value: number };
const nonZero = (points: unknown) => (points as Point[]).filter((p) => p.value > 0);
const total = (points: unknown) => (points as Point[]).reduce((n, p) => n + p.value, 0);

// Flow 4, HQ's part: Admin's StudentEnrolled and StudentWithdrawn (from a stand-in outbox with
// Admin's contracts) feed the enrolment series and the student's home school.
describe('enrolments at HQ', () => {
  let service: HqHarness;
  let adminOut: OutboxStandIn;
  const tenant = uniqueTenant('enrol');

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-04T09:00:00Z'));
    adminOut = await OutboxStandIn.start('admin', '/school/admin', admin.contracts);
    await adminOut.publish();
  });
  afterAll(async () => {
    await adminOut?.close();
    await service?.close();
  });

  it('draws enrolments and withdrawals per day and week, per school and group-wide, fenced; redelivery changes nothing', async () => {
    const hq = await tokens(service, tenant).hq();
    const [{ schoolId: a }, { schoolId: b }] = [await openSchool(service, hq), await openSchool(service, hq)];
    const [asha, ravi, kiran] = [randomUUID(), randomUUID(), randomUUID()];
    await adminOut.record(tenant, 'student', asha, enrolled(asha, a, '2026-03-02'));
    await adminOut.record(tenant, 'student', ravi, enrolled(ravi, a, '2026-03-04'));
    await adminOut.record(tenant, 'student', kiran, enrolled(kiran, b, '2026-03-04'));
    const withdrawn = admin.studentWithdrawn({
      studentId: ravi,
      schoolId: a,
      yearId: null,
      groupId: null,
      reason: 'moved away',
      withdrawnOn: '2026-03-10',
      withdrawnAt: '2026-03-10T04:00:00.000Z',
    });
    await adminOut.record(tenant, 'student', ravi, withdrawn);

    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    const dailyA = `/schools/${a}/dashboard?from=2026-03-01&to=2026-03-11`;
    const groupWeekly = '/dashboard?from=2026-03-01&to=2026-03-15&interval=week';
    const read = async (path: string, token: string) => (await service.call('GET', path, { token })).body;
    // Admin's events carry no token of ours: poll until all have arrived (students sit on several partitions).
    await eventually(
      async () => {
        const [day, group] = [await read(dailyA, adminOfA), await read(groupWeekly, hq)];
        return total(day.enrolments) === 2 && total(day.withdrawals) === 1 && total(group.enrolments) === 3;
      },
      { what: 'the enrolments and the withdrawal on the dashboards' },
    );
    const daily = await read(dailyA, adminOfA);
    expect((daily.enrolments as unknown[]).length).toBe(11);
    expect([nonZero(daily.enrolments), nonZero(daily.withdrawals)]).toEqual([
      [
        { period: '2026-03-02', value: 1 },
        { period: '2026-03-04', value: 1 },
      ],
      [{ period: '2026-03-10', value: 1 }],
    ]);
    const weeklyA = await read(`/schools/${a}/dashboard?from=2026-03-01&to=2026-03-15&interval=week`, adminOfA);
    // Weeks starting Monday 23 Feb, 2 and 9 March.
    expect([weeklyA.enrolments, weeklyA.withdrawals]).toEqual([
      [
        { period: '2026-02-23', value: 0 },
        { period: '2026-03-02', value: 2 },
        { period: '2026-03-09', value: 0 },
      ],
      [
        { period: '2026-02-23', value: 0 },
        { period: '2026-03-02', value: 0 },
        { period: '2026-03-09', value: 1 },
      ],
    ]);
    expect((await read(groupWeekly, hq)).enrolments).toEqual([
      { period: '2026-02-23', value: 0 },
      { period: '2026-03-02', value: 3 },
      { period: '2026-03-09', value: 0 },
    ]);
    expect(
      outcomes({
        otherSchool: await service.call('GET', `/schools/${b}/dashboard`, { token: adminOfA }),
        groupForSchoolAdmin: await service.call('GET', '/dashboard', { token: adminOfA }),
      }),
    ).toEqual({ otherSchool: [404, 'not-found'], groupForSchoolAdmin: [403, 'forbidden'] });

    // Asha's enrolment again, to the dashboard and to the home-school policy: nothing changes.
    const records = await readTopicUntil('admin.student.v1', (all) =>
      all.some((r) => String(r.key) === `${tenant}:${asha}`),
    );
    const ashaEnrolled = records.find((r) => String(r.key) === `${tenant}:${asha}`);
    if (!ashaEnrolled) throw new Error('no record of Asha’s enrolment');
    const readers = service.groups.filter((g) => g.topics.includes('admin.student.v1'));
    expect(readers.map((g) => g.groupId.replace(/-t[\w-]*$/, '')).sort()).toEqual([
      'policy.hq-enrolments',
      'projection.hq-dashboard',
    ]);
    for (const group of readers) await redeliver('admin.student.v1', ashaEnrolled, group.groupId);
    expect(nonZero((await read(dailyA, adminOfA)).enrolments)).toEqual([
      { period: '2026-03-02', value: 1 },
      { period: '2026-03-04', value: 1 },
    ]);
    expect(await storedEvents(service, 'StudentHomeRecorded', `${tenant}/student/${asha}`)).toBe(1);
    // HQ's reaction names Admin's event as its cause.
    const { rows } = await service.db.pool.query<{ causation: string }>(
      `select metadata->>'causationId' as causation from eventstore.events where stream_id = $1`,
      [`${tenant}/student/${asha}`],
    );
    expect(rows).toEqual([{ causation: String(ashaEnrolled.headers?.ce_id) }]);
  });

  it('knows the home school from the enrolment: a transfer must start there', async () => {
    const hq = await tokens(service, tenant).hq();
    const [{ schoolId: a }, { schoolId: b }] = [await openSchool(service, hq), await openSchool(service, hq)];
    const meera = randomUUID();
    await adminOut.record(tenant, 'student', meera, enrolled(meera, a, '2026-03-02'));
    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    await eventually(
      async () => (await service.call('GET', `/students/${meera}/home`, { token: adminOfA })).status === 200,
      {
        what: 'Meera’s home school',
      },
    );
    expect((await service.call('GET', `/students/${meera}/home`, { token: adminOfA })).body).toEqual({
      studentId: meera,
      homeSchoolId: a,
      since: '2026-03-02',
      transfers: [],
    });
    const transfer = (fromSchoolId: string, toSchoolId: string) =>
      service.call('POST', `/students/${meera}/transfers`, {
        token: hq,
        body: { fromSchoolId, toSchoolId, effectiveDate: '2026-04-01', reason: '' },
      });
    expect(outcomes({ fromElsewhere: await transfer(b, a) })).toEqual({ fromElsewhere: [409, 'not-at-school'] });
    expect((await transfer(a, b)).status).toBe(201);
  });
});
