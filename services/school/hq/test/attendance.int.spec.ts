import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { eventually, OutboxStandIn } from '@hexfleet/testing';
import { openSchool, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

type Mark = { studentId: string; code: string; meaning: string };
const P = (studentId: string): Mark => ({ studentId, code: 'P', meaning: 'present' });
const A = (studentId: string): Mark => ({ studentId, code: 'A', meaning: 'absent' });
const E = (studentId: string): Mark => ({ studentId, code: 'E', meaning: 'excused' });

/** One register of a lesson on a day at a school, as Attendance publishes it (stand-in outbox). */
function register(schoolId: string, date: string) {
  const [registerId, sessionId, groupId] = [randomUUID(), randomUUID(), randomUUID()];
  const where = { registerId, sessionId, date, schoolId, groupId };
  return {
    registerId,
    marked: (marks: Mark[]) =>
      attendance.attendanceMarked({
        ...where,
        teacherUserId: randomUUID(),
        marks,
        markedBy: randomUUID(),
        markedAt: `${date}T08:05:00.000Z`,
      }),
    absent: (studentId: string) =>
      attendance.studentAbsent({ ...where, studentId, code: 'A', recordedAt: `${date}T08:05:01.000Z` }),
    corrected: (studentId: string, from: Mark, to: Omit<Mark, 'studentId'>) =>
      attendance.attendanceCorrected({
        ...where,
        studentId,
        previousCode: from.code,
        previousMeaning: from.meaning,
        code: to.code,
        meaning: to.meaning,
        reason: 'arrived with a note',
        locked: false,
        correctedBy: randomUUID(),
        correctedAt: `${date}T12:00:00.000Z`,
      }),
    withdrawn: () =>
      attendance.registerWithdrawn({
        ...where,
        reason: 'storm day',
        holidayEventId: null,
        withdrawnAt: `${date}T06:00:00.000Z`,
      }),
  };
}

// Flow 6, HQ's part: Attendance's registers (marked, corrected, withdrawn) and absences reach the
// dashboards as an attendance rate and a count of absent students, per school (fenced) and group-wide.
describe('attendance at HQ', () => {
  let service: HqHarness;
  let attendanceOut: OutboxStandIn;

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-03-06T09:00:00Z'));
    attendanceOut = await OutboxStandIn.start('attendance', '/school/attendance', attendance.contracts);
    await attendanceOut.publish();
  });
  afterAll(async () => {
    await attendanceOut?.close();
    await service?.close();
  });

  it('draws the attendance rate and absent students from registers; corrections count, withdrawn registers do not', async () => {
    const tenant = uniqueTenant('att');
    const hq = await tokens(service, tenant).hq();
    const [{ schoolId: a }, { schoolId: b }] = [await openSchool(service, hq), await openSchool(service, hq)];
    const [asha, ravi, kiran, meera, dev] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const send = (registerId: string, event: { type: string; data: unknown }) =>
      attendanceOut.record(tenant, 'register', registerId, event);
    const sendAbsent = (studentId: string, event: { type: string; data: unknown }) =>
      attendanceOut.record(tenant, 'student', studentId, event);

    // Monday at A: 4 present, Kiran absent, then corrected to late (arrived with a note).
    const monday = register(a, '2026-03-02');
    await send(monday.registerId, monday.marked([P(asha), P(ravi), A(kiran), P(meera), P(dev)]));
    await sendAbsent(kiran, monday.absent(kiran));
    await send(monday.registerId, monday.corrected(kiran, A(kiran), { code: 'L', meaning: 'late' }));
    // Tuesday at A: Ravi absent, Meera excused (a trip), 3 present.
    const tuesday = register(a, '2026-03-03');
    await send(tuesday.registerId, tuesday.marked([P(asha), A(ravi), P(kiran), E(meera), P(dev)]));
    await sendAbsent(ravi, tuesday.absent(ravi));
    // Wednesday at A: marked with two absent, then the lesson was cancelled: nothing of it counts.
    const wednesday = register(a, '2026-03-04');
    await send(wednesday.registerId, wednesday.marked([A(asha), A(ravi), P(kiran), P(meera), P(dev)]));
    await sendAbsent(asha, wednesday.absent(asha));
    await sendAbsent(ravi, wednesday.absent(ravi));
    await send(wednesday.registerId, wednesday.withdrawn());
    // Tuesday at B: one of two absent.
    const atB = register(b, '2026-03-03');
    const [zoe, yan] = [randomUUID(), randomUUID()];
    await send(atB.registerId, atB.marked([P(zoe), A(yan)]));
    await sendAbsent(yan, atB.absent(yan));

    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    const dailyA = `/schools/${a}/dashboard?from=2026-03-02&to=2026-03-05`;
    const groupWeekly = '/dashboard?from=2026-03-02&to=2026-03-08&interval=week';
    const read = async (path: string, token: string) => (await service.call('GET', path, { token })).body;
    const expectedDaily = {
      attendance: [
        { period: '2026-03-02', attended: 5, absent: 0, excused: 0, attendancePercent: 100 },
        { period: '2026-03-03', attended: 3, absent: 1, excused: 1, attendancePercent: 75 },
        { period: '2026-03-04', attended: 0, absent: 0, excused: 0, attendancePercent: null },
        { period: '2026-03-05', attended: 0, absent: 0, excused: 0, attendancePercent: null },
      ],
      // 8 attended of 9 counted (the excused record left out).
      attendancePercent: 88.89,
      absentStudents: [
        { period: '2026-03-02', value: 0 },
        { period: '2026-03-03', value: 1 },
        { period: '2026-03-04', value: 0 },
        { period: '2026-03-05', value: 0 },
      ],
    };
    const expectedGroup = {
      attendance: [{ period: '2026-03-02', attended: 9, absent: 2, excused: 1, attendancePercent: 81.82 }],
      attendancePercent: 81.82,
      absentStudents: [{ period: '2026-03-02', value: 2 }],
    };
    const measures = ({ attendance, attendancePercent, absentStudents }: Record<string, unknown>) => ({
      attendance,
      attendancePercent,
      absentStudents,
    });
    // The stand-in's events carry no token of ours, and sit on several partitions: poll until all have arrived.
    await eventually(
      async () =>
        JSON.stringify([measures(await read(dailyA, adminOfA)), measures(await read(groupWeekly, hq))]) ===
        JSON.stringify([expectedDaily, expectedGroup]),
      { what: 'the registers, the correction, the withdrawal and the absences on the dashboards', pollMs: 300 },
    ).catch(() => undefined);
    expect(measures(await read(dailyA, adminOfA))).toEqual(expectedDaily);
    expect(measures(await read(groupWeekly, hq))).toEqual(expectedGroup);
    // B's records stay out of A's dashboard, and B's is not A's admin's to read.
    expect((await service.call('GET', `/schools/${b}/dashboard`, { token: adminOfA })).status).toBe(404);
  });
});
