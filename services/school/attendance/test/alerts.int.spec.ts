import { eventually, readTopicUntil, redeliver } from '@hexfleet/testing';
import { expectStatus, MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, SchoolFacts } from './support/school-facts';

// AbsenceThresholdExceeded once per crossing of the school's minimum over a rolling window, not once per
// absence; and once per run of HQ's consecutiveAbsentDays absent school days.
describe('absence alerts', () => {
  const tenant = uniqueTenant('alr');
  let service: AttendanceHarness;
  let school: SchoolFacts;
  let teacher: string;

  beforeAll(async () => {
    // A 7-day window, judged from 2 records: short enough for a month of Mondays and Wednesdays.
    const clock = new MovableClock(AT_NINE('2026-11-25'));
    [service, school] = await Promise.all([
      startAttendance(clock, { lockDays: 60, alertWindowDays: 7, alertMinimumRecords: 2 }),
      SchoolFacts.start(tenant),
    ]);
    await school.setUp();
    // HQ's policy: the codes PR and AB, and a minimum of 60%.
    await school.publishGroupPolicy({
      attendanceCodes: [
        { code: 'PR', label: 'Present', meaning: 'present' },
        { code: 'AB', label: 'Absent', meaning: 'absent' },
      ],
      absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 60 },
    });
    teacher = await school.teacher(service);
    await eventually(async () => (await stored(service, tenant, 'GroupAttendancePolicyNoted')) === 1, {
      what: "HQ's policy noted",
    });
    await eventually(async () => (await stored(service, tenant, 'RosterMemberJoined')) === 3, { what: 'the roster' });
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  it("fires once when Ben's rate falls below HQ's minimum, clears when it is back, and fires again on the next fall", async () => {
    const ben = school.students[1];
    // Lessons in order, Ben's code each day: the window is the 7 days ending on the latest lesson.
    const days: Array<[string, string]> = [
      ['2026-11-02', 'PR'], // 1/1
      ['2026-11-04', 'AB'], // 1/2 = 50% < 60%: exceeded
      ['2026-11-09', 'AB'], // 0/2: still below, no second alert
      ['2026-11-11', 'AB'], // 0/2
      ['2026-11-16', 'PR'], // 1/2 (11 and 16): below
      ['2026-11-18', 'PR'], // 2/2: cleared
      ['2026-11-23', 'AB'], // 1/2: exceeded again
      ['2026-11-25', 'AB'], // 0/2: no third
    ];
    let tallied = 0;
    for (const [date, code] of days) {
      const body = { allPresent: true, marks: [{ studentId: ben, code }] };
      expectStatus(await service.call('POST', school.registerPath(date, '/marks'), { token: teacher, body }), 200);
      // A teacher marks one day after another: each tally lands before the next marking.
      tallied += 3;
      const expected = tallied;
      await eventually(async () => (await stored(service, tenant, 'StudentRecordTallied')) === expected, {
        what: `the tally of ${date}`,
      });
    }
    expect(await stored(service, tenant, 'StudentAbsent')).toBe(5);
    // Two crossings of the rate, and one run of three absent days (4, 9 and 11 November).
    expect(await stored(service, tenant, 'AbsenceThresholdExceeded')).toBe(3);
    expect(await stored(service, tenant, 'AbsenceThresholdCleared')).toBe(1);
    const { rows } = await service.db.pool.query<{ data: Record<string, unknown> }>(
      `select payload as data from eventstore.events where tenant = $1 and event_type = 'AbsenceThresholdExceeded'
       and payload->>'kind' = 'rate' order by global_position`,
      [tenant],
    );
    expect(rows.map((r) => r.data)).toEqual([
      expect.objectContaining({ studentId: ben, windowEnd: '2026-11-04', ratePercent: 50, minimumPercent: 60 }),
      expect.objectContaining({ studentId: ben, windowEnd: '2026-11-23', ratePercent: 50, minimumPercent: 60 }),
    ]);
    const { rows: runs } = await service.db.pool.query<{ data: Record<string, unknown> }>(
      `select payload as data from eventstore.events where tenant = $1 and payload->>'kind' = 'consecutive-days'`,
      [tenant],
    );
    expect(runs.map((r) => r.data)).toEqual([
      expect.objectContaining({ windowStart: '2026-11-04', windowEnd: '2026-11-11', consecutiveAbsentDays: 3 }),
    ]);
  });

  it('acts once on a redelivered marking: no second tally, absence or alert', async () => {
    const before = await Promise.all(
      ['StudentRecordTallied', 'StudentAbsent', 'AbsenceThresholdExceeded'].map((t) => stored(service, tenant, t)),
    );
    const records = await readTopicUntil('attendance.register.v1', (all) =>
      all.some((r) => String(r.headers?.tenant) === tenant && String(r.headers?.ce_type).endsWith('AttendanceMarked')),
    );
    const marked = records.filter(
      (r) => String(r.headers?.tenant) === tenant && String(r.headers?.ce_type).endsWith('AttendanceMarked'),
    );
    const group = service.groups.find((g) => g.groupId.includes('attendance-alerts'))?.groupId ?? '';
    await redeliver('attendance.register.v1', marked[marked.length - 1], group);
    const after = await Promise.all(
      ['StudentRecordTallied', 'StudentAbsent', 'AbsenceThresholdExceeded'].map((t) => stored(service, tenant, t)),
    );
    expect(after).toEqual(before);
  });
});
