import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { badInputCases, openApiOf, sendBadInputs, tenantEvents } from '@hexfleet/testing';
import { startAdmin, uniqueTenant } from './support/admin-harness';
import type { AdminHarness } from './support/admin-harness';
import { expectStatus, SchoolSetup } from './support/school-setup';

// Every endpoint in /openapi.json, each path id, query parameter and body field broken in turn,
// answers 400/422 problem+json naming the field, and nothing is written.
describe('bad input on every Admin endpoint', () => {
  let service: AdminHarness;
  const tenant = uniqueTenant('bad');

  beforeAll(async () => {
    service = await startAdmin(fixedClock('2026-03-02T09:00:00.000Z'));
  });
  afterAll(() => service?.close());

  const eventCount = () => tenantEvents(service, tenant);

  it('answers every malformed or out-of-range request with a problem naming the field, and writes nothing', async () => {
    // Real ids everywhere but the broken spot, so a request that slipped through validation would act.
    const school = await (await SchoolSetup.of(service, tenant)).calendar();
    const groupId = await school.group('3', 'C');
    const studentId = await school.admit('BAD-1');
    expectStatus(await school.enrol(studentId, groupId), 204);
    const subjectId = await school.subject('ART');
    const teacherUserId = randomUUID();
    await school.teach(groupId, subjectId, teacherUserId);
    const session = await school.schedule({
      groupId,
      subjectId,
      teacherUserId,
      room: 'R-9',
      firstDate: '2026-04-06',
      startTime: '08:00',
      endTime: '08:45',
    });
    const ids = {
      schoolId: school.schoolId,
      yearId: school.yearId,
      termId: school.termId,
      groupId,
      studentId,
      subjectId,
      teacherUserId,
      sessionId: String(expectStatus(session, 201).body.sessionId),
    };

    const openapi = openApiOf(await service.call('GET', '/openapi.json'));
    const { cases, operations, inputless } = badInputCases(openapi, ids);
    const before = await eventCount();
    const { failures, statuses } = await sendBadInputs(cases, (c) =>
      service.call(c.method, c.path, { token: school.token, body: c.body }),
    );
    const after = await eventCount();
    console.log(
      `admin: ${operations.length} operations, ${cases.length} bad requests -> ${JSON.stringify(statuses)}; ` +
        `events in the tenant before ${before}, after ${after}; no input to break: ${inputless.join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(after).toBe(before);
    expect(inputless).toEqual([]);
  });
});
