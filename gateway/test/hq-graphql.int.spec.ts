import { randomBytes } from 'node:crypto';
import { Fleet, graphql, GraphqlReply, startFleet } from './support/fleet';

const tenant = `gqq${randomBytes(4).toString('hex')}`;
const code = `G${randomBytes(3).toString('hex').toUpperCase()}`;

/** The data of a reply that must have no errors. */
const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};
const errorOf = (reply: GraphqlReply) => reply.body.errors?.[0]?.extensions;

const OPEN = `mutation ($input: OpenSchoolInput!) { openSchool(input: $input) { id consistencyToken } }`;
const POLICY = {
  loanRules: {
    loanPeriodDays: 14,
    maxLoans: 3,
    maxRenewals: 2,
    maxHolds: 2,
    fineRatePerDayMinor: 100,
    currency: 'INR',
    graceDays: 1,
  },
  attendanceCodes: [
    { code: 'P', label: 'Present', meaning: 'present' },
    { code: 'A', label: 'Absent', meaning: 'absent' },
  ],
  absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 },
};
const EFFECTIVE = `query ($id: ID!) { schoolPolicy(schoolId: $id) {
  groupPolicyVersion loanRules { source value { maxLoans } } attendanceCodes { source value { code } } } }`;

/** HQ over GraphQL only: schools, the group policy and a school's own settings, fenced per school. */
describe('HQ through the gateway’s GraphQL', () => {
  let fleet: Fleet;
  let hq: string;
  const send = async (token: string, query: string, variables?: Record<string, unknown>) =>
    dataOf(await graphql(fleet.url, query, { token, variables }));

  beforeAll(async () => {
    fleet = await startFleet({ hq: 'services/school/hq' });
    hq = await fleet.issuer.mint({
      tenant,
      roles: ['hq-admin'],
      grants: [{ role: 'hq-admin', scopeType: 'tenant', scopeId: null }],
    });
  });
  afterAll(() => fleet?.stop());

  it('opens schools, publishes the group policy, lets a school override it, and fences the other school', async () => {
    const input = { code, name: 'North', timeZone: 'Asia/Kolkata' };
    const a = (await send(hq, OPEN, { input })).openSchool as { id: string };
    const b = (await send(hq, OPEN, { input: { ...input, code: `${code}B`, name: 'South' } })).openSchool as {
      id: string;
    };
    await send(hq, `mutation ($input: GroupPolicyInput!) { publishGroupPolicy(input: $input) { accepted } }`, {
      input: POLICY,
    });

    const adminOfA = await fleet.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: a.id }],
    });
    const set = (
      await send(
        adminOfA,
        `mutation ($id: ID!, $input: SchoolPolicyInput!) { setSchoolPolicy(schoolId: $id, input: $input) { accepted consistencyToken } }`,
        { id: a.id, input: { loanRules: { ...POLICY.loanRules, maxLoans: 6 } } },
      )
    ).setSchoolPolicy as { consistencyToken: string };

    const fresh = await graphql(fleet.url, EFFECTIVE, {
      token: adminOfA,
      variables: { id: a.id },
      headers: { 'x-consistency-token': set.consistencyToken },
    });
    expect(dataOf(fresh).schoolPolicy).toEqual({
      groupPolicyVersion: 1,
      loanRules: { source: 'school', value: { maxLoans: 6 } },
      attendanceCodes: { source: 'group', value: [{ code: 'P' }, { code: 'A' }] },
    });
    expect(fresh.body).toMatchObject({ extensions: { consistency: 'fresh' } });

    // School A's admin sees A only: B is null, not an error, and not in the list.
    const seen = await send(adminOfA, `query ($b: ID!) { school(id: $b) { name } schools { total items { code } } }`, {
      b: b.id,
    });
    expect(seen).toEqual({ school: null, schools: { total: 1, items: [{ code }] } });
    expect((await send(adminOfA, EFFECTIVE, { id: b.id })).schoolPolicy).toBeNull();

    // A's dashboard as a chart's series: a zero point for each week, none of B's.
    const dashboards = await send(
      adminOfA,
      `query ($a: ID!, $b: ID!) {
        own: schoolDashboard(schoolId: $a, from: "2026-03-02", to: "2026-03-15", interval: "week") {
          interval overdueLoans { period value } upcomingEvents { period value }
          enrolments { period value } withdrawals { period value }
          attendance { period attended absent excused attendancePercent } attendancePercent absentStudents { period value } }
        other: schoolDashboard(schoolId: $b) { interval } }`,
      { a: a.id, b: b.id },
    );
    const weeks = [
      { period: '2026-03-02', value: 0 },
      { period: '2026-03-09', value: 0 },
    ];
    const noRecords = weeks.map(({ period }) => ({
      period,
      attended: 0,
      absent: 0,
      excused: 0,
      attendancePercent: null,
    }));
    expect(dashboards).toEqual({
      own: {
        interval: 'week',
        overdueLoans: weeks,
        upcomingEvents: weeks,
        enrolments: weeks,
        withdrawals: weeks,
        attendance: noRecords,
        attendancePercent: null,
        absentStudents: weeks,
      },
      other: null,
    });
  });

  it('answers a malformed argument naming its field, and a refused command with its code', async () => {
    const malformed = await graphql(fleet.url, OPEN, {
      token: hq,
      variables: { input: { code: '9-bad code', name: 'X', timeZone: 'UTC' } },
    });
    // Nothing else was asked, so the problem's status is the HTTP status too.
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed)).toMatchObject({
      code: 'validation-failed',
      status: 400,
      module: 'hq',
      errors: [expect.objectContaining({ field: 'code' })],
    });
    const taken = await graphql(fleet.url, OPEN, {
      token: hq,
      variables: { input: { code: code.toLowerCase(), name: 'Again', timeZone: 'UTC' } },
    });
    expect(errorOf(taken)).toMatchObject({ code: 'school-code-taken', status: 409, module: 'hq' });
  });
});
