import { randomBytes, randomUUID } from 'node:crypto';
import { admin } from '@hexfleet/schemas';
import { eventually, OutboxStandIn } from '@hexfleet/testing';
import type { Client } from 'graphql-ws';
import { Fleet, graphql, GraphqlReply, startFleet, subscriptionClient } from './support/fleet';

const tenant = `gqt${randomBytes(4).toString('hex')}`;
const school = randomUUID();
const group = randomUUID();
const session = randomUUID();
const teacherId = randomUUID();
const [asha, ben] = [randomUUID(), randomUUID()];
/** The service runs on the real clock: today's lesson is the one to mark. */
const TODAY = new Date().toISOString().slice(0, 10);

const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

const DAY = `query ($d: String!) { teacherRegisters(date: $d) { sessionId status marked subjectName } }`;
const REGISTER = `query ($s: ID!, $d: String!) { classRegister(sessionId: $s, date: $d) {
  status locked codes { code meaning } lines { studentId code originalCode corrected } } }`;
const MARK = `mutation ($s: ID!, $d: String!, $input: MarkRegisterInput!) {
  markRegister(sessionId: $s, date: $d, input: $input) { registerId recorded consistencyToken } }`;
const CORRECT = `mutation ($s: ID!, $d: String!, $input: CorrectAttendanceInput!) {
  correctAttendance(sessionId: $s, date: $d, input: $input) { recorded consistencyToken } }`;
const GROUP = `query ($g: ID!, $from: String!, $to: String!) { groupAttendance(groupId: $g, from: $from, to: $to) {
  totals { records present late absent attendancePercent } students { studentId records } } }`;
const STUDENT = `query ($id: ID!, $from: String!, $to: String!) { studentAttendance(studentId: $id, from: $from, to: $to) {
  records late attendancePercent } }`;
const SCHOOL = `query ($id: ID!, $from: String!, $to: String!) { schoolAttendance(schoolId: $id, from: $from, to: $to) {
  totals { records attendancePercent } groups { groupId records } days { date late } } }`;

const CSV = `query ($g: ID!, $from: String!, $to: String!) { groupAttendanceCsv(groupId: $g, from: $from, to: $to) }`;

/** Attendance over GraphQL only, Admin's timetable and group from a stand-in outbox: the day, a marking, a correction, reports. */
describe('Attendance through the gateway’s GraphQL', () => {
  let fleet: Fleet;
  let adminOut: OutboxStandIn;
  let token: string;
  const send = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    dataOf(await graphql(fleet.url, query, { token, variables, headers }));

  beforeAll(async () => {
    [fleet, adminOut] = await Promise.all([
      startFleet({ attendance: 'services/school/attendance' }),
      OutboxStandIn.start('admin', '/school/admin', admin.contracts),
    ]);
    token = await fleet.issuer.mint({
      tenant,
      userId: teacherId,
      roles: ['teacher'],
      grants: [{ role: 'teacher', scopeType: 'school', scopeId: school }],
    });
    await adminOut.record(
      tenant,
      'timetable',
      session,
      admin.classSessionScheduled({
        sessionId: session,
        termId: randomUUID(),
        schoolId: school,
        yearId: randomUUID(),
        groupId: group,
        subjectId: randomUUID(),
        subjectName: 'Science',
        teacherUserId: teacherId,
        room: 'L-1',
        firstDate: '2026-01-01',
        lastDate: '2099-12-31',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startTime: '10:00',
        endTime: '10:45',
        scheduledAt: '2025-12-01T00:00:00.000Z',
      }),
    );
    for (const [i, studentId] of [asha, ben].entries()) {
      await adminOut.record(
        tenant,
        'group',
        group,
        admin.studentAddedToGroup({
          groupId: group,
          schoolId: school,
          yearId: randomUUID(),
          studentId,
          rollNumber: i + 1,
          admissionNumber: `G-${i + 1}`,
          firstName: `S${i + 1}`,
          lastName: '',
          addedAt: '2025-12-01T00:00:00.000Z',
        }),
      );
    }
    await adminOut.publish();
  });
  const clients: Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await adminOut?.close();
    await fleet?.stop();
  });

  it("lists the teacher's day, marks all present but one, corrects it, and reports the range", async () => {
    await eventually(async () => ((await send(DAY, { d: TODAY })).teacherRegisters as unknown[]).length === 1, {
      what: "today's register",
    });
    await eventually(
      async () =>
        ((await send(REGISTER, { s: session, d: TODAY })).classRegister as { lines: unknown[] }).lines.length === 2,
      { what: 'the roster' },
    );
    const refused = await graphql(fleet.url, MARK, {
      token,
      variables: { s: session, d: TODAY, input: { allPresent: true, marks: [{ studentId: group, code: 'A' }] } },
    });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'student-not-in-group', status: 422 });

    // The office watches today's registers live; warm-up markings of earlier days prove the subscription is in place.
    const client = subscriptionClient(fleet.url, token);
    clients.push(client);
    const live: Array<{ date: string; status: string; lines: unknown[] }> = [];
    const seen = new Set<string>();
    const sink = <T>(push: (data: T) => void) => ({
      next: ({ data }: { data?: T | null }) => data && push(data),
      error: () => undefined,
      complete: () => undefined,
    });
    client.subscribe<{ registerChanged: { date: string; status: string; lines: unknown[] } }>(
      {
        query: 'subscription ($d: String) { registerChanged(date: $d) { date status lines { studentId code } } }',
        variables: { d: TODAY },
      },
      sink((data) => live.push(data.registerChanged)),
    );
    client.subscribe<{ domainEvents: { subject: string } }>(
      { query: 'subscription { domainEvents(types: ["AttendanceMarked"]) { subject } }' },
      sink((data) => seen.add(data.domainEvents.subject)),
    );
    let back = 0;
    await eventually(
      async () => {
        if (seen.size > 0) return true;
        const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) - ++back * 86_400_000).toISOString().slice(0, 10);
        await send(MARK, { s: session, d: day, input: { allPresent: true, marks: [] } });
        return false;
      },
      { timeoutMs: 30_000, pollMs: 1_000, what: 'a warm-up marking on the live feed' },
    );

    const marked = (
      await send(MARK, { s: session, d: TODAY, input: { allPresent: true, marks: [{ studentId: ben, code: 'A' }] } })
    ).markRegister as { recorded: number; consistencyToken: string };
    expect(marked.recorded).toBe(2);
    const corrected = (
      await send(CORRECT, { s: session, d: TODAY, input: { studentId: ben, code: 'L', reason: 'bus late' } })
    ).correctAttendance as { recorded: number; consistencyToken: string };
    expect(corrected.recorded).toBe(1);

    // Live: today's register as it was marked, then corrected; the warm-up days never reached this subscription.
    await eventually(async () => live.some((r) => r.status === 'taken'), { what: "today's register, live" });
    expect(live.every((r) => r.date === TODAY)).toBe(true);

    const register = (await send(REGISTER, { s: session, d: TODAY })).classRegister as { lines: unknown[] };
    expect(register.lines).toEqual([
      { studentId: asha, code: 'P', originalCode: 'P', corrected: false },
      { studentId: ben, code: 'L', originalCode: 'A', corrected: true },
    ]);
    const fresh = { 'x-consistency-token': corrected.consistencyToken };
    const range = { from: TODAY, to: TODAY };
    const report = (await send(GROUP, { g: group, ...range }, fresh)).groupAttendance as { totals: unknown };
    expect(report.totals).toEqual({ records: 2, present: 1, late: 1, absent: 0, attendancePercent: 100 });
    expect((await send(STUDENT, { id: ben, ...range }, fresh)).studentAttendance).toEqual({
      records: 1,
      late: 1,
      attendancePercent: 100,
    });
    expect((await send(SCHOOL, { id: school, ...range }, fresh)).schoolAttendance).toEqual({
      totals: { records: 2, attendancePercent: 100 },
      groups: [{ groupId: group, records: 2 }],
      days: [{ date: TODAY, late: 1 }],
    });
    const csv = (await send(CSV, { g: group, ...range }, fresh)).groupAttendanceCsv as string;
    expect(csv.split('\r\n')[1]).toBe(`1,${asha},S1,,1,1,0,0,0,0,100,0`);
    expect(((await send(DAY, { d: TODAY }, fresh)).teacherRegisters as Array<{ status: string }>)[0].status).toBe(
      'taken',
    );
  });
});
