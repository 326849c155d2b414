import { badInputCases, eventually, openApiOf, sendBadInputs } from '@hexfleet/testing';
import { MovableClock, startAttendance, stored, uniqueTenant } from './support/attendance-harness';
import type { AttendanceHarness } from './support/attendance-harness';
import { AT_NINE, MONDAY, SchoolFacts } from './support/school-facts';

// Every endpoint in /openapi.json, each path id, query parameter and body field broken in turn,
// answers 400/422 problem+json naming the field, and nothing is written.
describe('bad input on every Attendance endpoint', () => {
  const tenant = uniqueTenant('bad');
  let service: AttendanceHarness;
  let school: SchoolFacts;

  beforeAll(async () => {
    [service, school] = await Promise.all([
      startAttendance(new MovableClock(AT_NINE(MONDAY))),
      SchoolFacts.start(tenant),
    ]);
    await school.setUp();
    await eventually(async () => (await stored(service, tenant, 'RosterMemberJoined')) === 3, { what: 'the roster' });
  });
  afterAll(async () => {
    await school?.close();
    await service?.close();
  });

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const token = await service.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school.schoolId }],
    });
    const ids = {
      sessionId: school.sessionId,
      date: MONDAY,
      studentId: school.students[0],
      groupId: school.groupId,
      schoolId: school.schoolId,
    };
    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await stored(service, tenant);
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      service.call(c.method, c.path, { token, body: c.body }),
    );
    const after = await stored(service, tenant);
    console.log(
      `attendance: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
    expect(inputless).toEqual([]);
  });
});
