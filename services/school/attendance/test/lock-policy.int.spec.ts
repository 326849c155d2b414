import { hq } from '@hexfleet/schemas';
import { eventually } from '@hexfleet/testing';
import { expectStatus, MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, MONDAY, SchoolFacts, WEDNESDAY } from './support/school-facts';

const CODES = [
  { code: 'P', label: 'Present', meaning: 'present' },
  { code: 'A', label: 'Absent', meaning: 'absent' },
];
const THRESHOLDS = { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 };

// ADR 0055: the register lock comes from HQ's policy (the school's own, else the group's), and the
// service's ATTENDANCE_LOCK_DAYS only when HQ set none.
describe('the register lock from HQ’s policy', () => {
  const tenant = uniqueTenant('lck');
  let service: AttendanceHarness;
  let school: SchoolFacts;

  beforeAll(async () => {
    // The service's own default would leave Monday open for a month.
    [service, school] = await Promise.all([
      startAttendance(new MovableClock(AT_NINE(WEDNESDAY)), { lockDays: 30 }),
      SchoolFacts.start(tenant),
    ]);
    await school.setUp();
    await eventually(async () => (await stored(service, tenant, 'RosterMemberJoined')) === 3, { what: 'the roster' });
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  it('locks Monday on Wednesday by the group’s one day, and reopens it when the school sets its own five', async () => {
    const teacher = await school.teacher(service);
    const mark = () =>
      service.call('POST', school.registerPath(MONDAY, '/marks'), {
        token: teacher,
        body: { allPresent: true, marks: [] },
      });
    await school.publishGroupPolicy({ attendanceCodes: CODES, absenceThresholds: THRESHOLDS, registerLockDays: 1 });
    await eventually(async () => (await stored(service, tenant, 'GroupAttendancePolicyNoted')) === 1, {
      what: 'the group policy noted',
    });
    const before = await stored(service, tenant);
    const locked = await mark();
    expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 409, code: 'register-locked' });
    expect(JSON.stringify(locked.body)).toContain(WEDNESDAY);
    expect(await stored(service, tenant)).toBe(before);

    await school.hq.record(
      tenant,
      'school',
      school.schoolId,
      hq.schoolPolicySet({
        schoolId: school.schoolId,
        loanRules: null,
        attendanceCodes: null,
        absenceThresholds: null,
        registerLockDays: 5,
        setBy: school.teacherId,
        setAt: AT_NINE(MONDAY),
      }),
    );
    await eventually(async () => (await stored(service, tenant, 'SchoolAttendanceSettingsNoted')) === 1, {
      what: 'the school’s settings noted',
    });
    expect(expectStatus(await mark(), 200).body.recorded).toBe(3);
    const register = expectStatus(await service.call('GET', school.registerPath(MONDAY), { token: teacher }), 200);
    expect(register.body).toMatchObject({ lockedOn: '2026-12-06', locked: false });
  });
});
