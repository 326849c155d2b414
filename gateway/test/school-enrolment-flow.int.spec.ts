import { randomBytes, randomUUID } from 'node:crypto';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type { KafkaMessage } from 'kafkajs';
import { callService, eventually, readTopicUntil, stackEnv } from '@hexfleet/testing';
import { expectOk, Fleet, gatewayApi, startFleet } from './support/fleet';

const SCHOOL_SERVICES = {
  identity: 'services/shared/identity',
  profile: 'services/shared/profile',
  hq: 'services/school/hq',
  admin: 'services/school/admin',
  libraries: 'services/school/libraries',
  events: 'services/school/events',
};

const header = (record: KafkaMessage, name: string) => record.headers?.[name]?.toString();
type Row = Record<string, unknown>;

const YEAR = {
  name: '2026-27',
  startDate: '2026-06-01',
  endDate: '2027-03-31',
  terms: [{ name: 'Term 1', startDate: '2026-06-01', endDate: '2027-03-31' }],
};
const ENROLLED_ON = '2026-12-01';
const PASSWORD = 'flow-four-password-2026';
const GROUP_POLICY = {
  loanRules: {
    loanPeriodDays: 21,
    maxLoans: 4,
    maxRenewals: 1,
    maxHolds: 2,
    fineRatePerDayMinor: 100,
    currency: 'INR',
    graceDays: 1,
    fineCapMinor: null,
  },
  attendanceCodes: [
    { code: 'P', label: 'Present', meaning: 'present' },
    { code: 'A', label: 'Absent', meaning: 'absent' },
  ],
  absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 },
};
const TRIP = (groupId: string) => ({
  eventType: 'trip',
  title: 'Museum trip',
  audience: { kind: 'groups', ids: [groupId] },
  when: { allDay: true, startDate: '2027-01-15', endDate: '2027-01-15' },
  registration: { required: true, capacity: 30, waitlistEnabled: false },
});

/**
 * Flow 4 (DOMAIN.md), with every service built and run as its own process behind the
 * gateway: HQ opens a school and sets the group's policy, Admin sets the school up from
 * HQ's events and enrols a student with a guardian; the enrolment reaches libraries (a
 * patron), identity (the guardian's invitation, the student's account), profile (admission
 * number, class, guardian link), events (the group's audience) and HQ (the enrolment
 * series); TeacherAssigned gives a staff patron, GroupPolicyPublished the loan rules. An
 * outside consumer reading the public topics with the registry sees StudentEnrolled and
 * a PatronRegistered caused by it. Withdrawal then reaches libraries and identity.
 */
describe('flow 4: a school opened by HQ, a student enrolled by Admin, every school service follows', () => {
  let fleet: Fleet;
  const tenant = `flow${randomBytes(4).toString('hex')}`;
  const teacherUserId = randomUUID();
  const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
  let hqAdmin: string;
  const guardianEmail = `meena.rao@${tenant}.test`;

  const api = (token: string) => gatewayApi(fleet, token);
  /**
   * The tenant's records of one type on a public topic, decoded with the registry as an outside
   * consumer would, once one of them satisfies `wanted`. In CI other tests' services read the
   * same topics and may publish records of this tenant too (their own libraries reacting to this
   * Admin's events): the test waits for the record it means, not for a count.
   */
  const recordsOf = async (topic: string, type: string, wanted: (value: Row) => boolean = () => true) => {
    const ours = (records: KafkaMessage[]) =>
      records.filter((r) => header(r, 'tenant') === tenant && header(r, 'ce_type')?.endsWith(`.${type}`));
    let decoded: Array<{ record: KafkaMessage; value: Row }> = [];
    await eventually(
      async () => {
        const records = ours(await readTopicUntil(topic, (all) => ours(all).length > 0));
        decoded = await Promise.all(
          records.map(async (record) => ({ record, value: (await registry.decode(record.value as Buffer)) as Row })),
        );
        return decoded.some((d) => wanted(d.value));
      },
      { timeoutMs: 90_000, what: `the ${type} on ${topic}`, pollMs: 500 },
    );
    return decoded;
  };
  const recordOf = async (topic: string, type: string, wanted: (value: Row) => boolean = () => true) => {
    const found = (await recordsOf(topic, type, wanted)).find((d) => wanted(d.value));
    if (!found) throw new Error(`no ${type} on ${topic}`);
    return found;
  };

  const signIn = (email: string) =>
    callService(fleet.url, 'POST', '/api/v1/identity/auth/login', { body: { tenant, email, password: PASSWORD } });
  /** The invitation identity mailed to `email`, accepted with a password, then a sign-in: the account's token and id. */
  const signInFromInvitation = async (email: string) => {
    const identity = fleet.services.identity.url;
    let token = '';
    await eventually(
      async () => {
        const mail = await callService(identity, 'GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
        const messages = (Array.isArray(mail.body) ? mail.body : []) as Row[];
        token = String(messages.find((m) => m.tenant === tenant && m.purpose === 'invitation')?.token ?? '');
        return token !== '';
      },
      { timeoutMs: 60_000, what: `the invitation to ${email}` },
    );
    const accepted = await callService(identity, 'POST', '/auth/invitations/accept', {
      body: { tenant, token, password: PASSWORD },
    });
    expect(accepted.status).toBeLessThan(300);
    const session = expectOk(await signIn(email), 200, `signing in as ${email}`);
    const accessToken = String(session.accessToken);
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sub: string };
    return { token: accessToken, userId: claims.sub };
  };

  beforeAll(async () => {
    fleet = await startFleet(SCHOOL_SERVICES);
    const provisioned = await callService(fleet.services.identity.url, 'POST', '/tenants', {
      headers: { 'x-operator-key': fleet.operatorKey },
      body: {
        slug: tenant,
        name: 'Flow Four Schools',
        product: 'school',
        admin: { email: `admin@${tenant}.test`, displayName: 'Flo Admin' },
      },
    });
    expectOk(provisioned, 201, 'provisioning the tenant');
    hqAdmin = await fleet.issuer.mint({ tenant, roles: ['hq-admin'], expiresInSeconds: 900 });
  });
  afterAll(() => fleet?.stop());

  it('follows one enrolment to every effect, and its withdrawal', async () => {
    const hq = api(hqAdmin);
    // HQ: a school, the group's policy (loan rules for every library), the academic year.
    const { schoolId } = expectOk(
      await hq.send('POST', '/hq/schools', { code: 'FLOW-1', name: 'Flow School', timeZone: 'Asia/Kolkata' }),
      201,
      'opening the school',
    ) as { schoolId: string };
    expectOk(await hq.send('PUT', '/hq/group-policy', GROUP_POLICY), 200, 'the group policy');
    expectOk(await hq.send('POST', '/hq/academic-years', YEAR), 201, 'publishing the year');

    // Admin opens HQ's year in the school from HQ's events; its admin sets up a class.
    const office = api(
      await fleet.issuer.mint({
        tenant,
        roles: ['school-admin'],
        grants: [{ role: 'school-admin', scopeType: 'school', scopeId: schoolId }],
        expiresInSeconds: 900,
      }),
    );
    let yearId = '';
    await eventually(
      async () => {
        const years = (await office.get(`/admin/schools/${schoolId}/academic-years`)).body as unknown as Row[];
        yearId = String(years.find((y) => y.name === YEAR.name)?.yearId ?? '');
        return yearId !== '';
      },
      { timeoutMs: 60_000, what: 'HQ’s year opening in Admin' },
    );
    const { groupId } = expectOk(
      await office.send('POST', `/admin/schools/${schoolId}/groups`, {
        yearId,
        grade: '5',
        section: 'A',
        capacity: 30,
      }),
      201,
      'a group',
    ) as { groupId: string };
    const { subjectId } = expectOk(
      await office.send('POST', `/admin/schools/${schoolId}/subjects`, { code: 'MATH', name: 'Mathematics' }),
      201,
      'a subject',
    ) as { subjectId: string };
    expect(
      (
        await office.send('POST', `/admin/groups/${groupId}/teachers`, {
          subjectId,
          teacherUserId,
          teacherName: 'Kiran Shah',
          teacherEmail: `kiran@${tenant}.test`,
        })
      ).status,
    ).toBeLessThan(300);
    const { studentId } = expectOk(
      await office.send('POST', `/admin/schools/${schoolId}/students`, {
        admissionNumber: 'F-001',
        firstName: 'Asha',
        lastName: 'Rao',
        birthDate: '2016-05-14',
        email: `asha@${tenant}.test`,
        guardians: [{ name: 'Meena Rao', relationship: 'mother', email: guardianEmail, primary: true }],
        admittedOn: '2026-11-20',
      }),
      201,
      'admitting Asha',
    ) as { studentId: string };
    expect(
      (
        await office.send('POST', `/admin/students/${studentId}/enrolment`, {
          yearId,
          enrolledOn: ENROLLED_ON,
          groupId,
          rollNumber: 1,
        })
      ).status,
    ).toBeLessThan(300);

    // An outside consumer: StudentEnrolled on Admin's public topic, and the patron libraries
    // registered for it, its causation id naming the enrolment's event id.
    const enrolled = await recordOf('admin.student.v1', 'StudentEnrolled', (v) => v.studentId === studentId);
    expect(enrolled.value).toMatchObject({ studentId, schoolId, groupId, admissionNumber: 'F-001' });
    const studentPatron = await recordOf('libraries.patron.v1', 'PatronRegistered', (v) => v.userId === studentId);
    expect(studentPatron.value).toMatchObject({ schoolId, category: 'student', name: 'Asha Rao' });
    expect(header(studentPatron.record, 'causation_id')).toBe(header(enrolled.record, 'ce_id'));
    // TeacherAssigned -> a staff patron; GroupPolicyPublished -> the school's loan rules.
    const staffPatron = await recordOf('libraries.patron.v1', 'PatronRegistered', (v) => v.userId === teacherUserId);
    expect(staffPatron.value).toMatchObject({ schoolId, category: 'staff' });
    const librarian = api(
      await fleet.issuer.mint({
        tenant,
        roles: ['librarian'],
        grants: [{ role: 'librarian', scopeType: 'school', scopeId: schoolId }],
      }),
    );
    await eventually(
      async () => {
        const rules = (await librarian.get(`/libraries/schools/${schoolId}/loan-rules`)).body as unknown as Row[];
        return rules[0]?.loanPeriodDays === GROUP_POLICY.loanRules.loanPeriodDays;
      },
      { timeoutMs: 30_000, what: 'HQ’s loan rules in the school’s library' },
    );

    // Identity: the guardian's account (GuardianshipRecorded, caused by the enrolment) and her
    // invitation; she accepts it, signs in, and reads her child's profile: admission number,
    // class and the link to her, from Admin's and identity's events.
    const guardianship = await recordOf('identity.user.v1', 'GuardianshipRecorded', (v) => v.studentId === studentId);
    expect(guardianship.value).toMatchObject({ studentId, schoolId, relationship: 'mother', primary: true });
    expect(header(guardianship.record, 'causation_id')).toBe(header(enrolled.record, 'ce_id'));
    const meena = await signInFromInvitation(guardianEmail);
    expect(meena.userId).toBe(guardianship.value.userId);
    let profile: Row = {};
    await eventually(
      async () => {
        profile = (await api(meena.token).get(`/profile/profiles/${studentId}`)).body;
        return Array.isArray(profile.guardians) && profile.guardians.length === 1 && Boolean(profile.className);
      },
      { timeoutMs: 60_000, what: 'Asha’s profile with her class and guardian' },
    );
    expect(profile).toMatchObject({ admissionNumber: 'F-001', className: 'Grade 5 A' });
    expect(profile.guardians).toMatchObject([{ guardianUserId: meena.userId, relationship: 'mother', primary: true }]);
    // Asha has an email of her own: her account is her student id.
    expect((await signInFromInvitation(`asha@${tenant}.test`)).userId).toBe(studentId);

    // Events: the student is in the group's audience, and sees the group's trip.
    const organiser = office;
    const { calendarId } = expectOk(
      await organiser.send('POST', '/events/calendars', {
        schoolId,
        kind: 'school',
        name: 'School calendar',
        timeZone: 'Asia/Kolkata',
      }),
      201,
      'a calendar',
    ) as { calendarId: string };
    const { eventId } = expectOk(
      await organiser.send('POST', `/events/calendars/${calendarId}/events`, TRIP(groupId)),
      201,
      'a trip for the group',
    ) as { eventId: string };
    expect((await organiser.send('POST', `/events/events/${eventId}/publish`)).status).toBeLessThan(300);
    const asha = api(await fleet.issuer.mint({ tenant, userId: studentId, roles: ['student'] }));
    await eventually(async () => (await asha.get(`/events/events/${eventId}`)).status === 200, {
      timeoutMs: 30_000,
      what: 'Asha seeing her group’s trip',
    });
    const audience = expectOk(await organiser.get(`/events/events/${eventId}/audience`), 200, 'the audience');
    expect((audience.items as Row[]).map((m) => m.studentId ?? m.userId)).toEqual([studentId]);

    // HQ: the enrolment on the school's dashboard, on its day.
    await eventually(
      async () => {
        const board = (await hq.get(`/hq/schools/${schoolId}/dashboard?from=${ENROLLED_ON}&to=${ENROLLED_ON}`))
          .body as { enrolments?: Array<{ value: number }> };
        return board.enrolments?.[0]?.value === 1;
      },
      { timeoutMs: 30_000, what: 'the enrolment on HQ’s dashboard' },
    );

    // Withdrawal: the patron is withdrawn (caused by StudentWithdrawn).
    expect(
      (
        await office.send('POST', `/admin/students/${studentId}/withdrawal`, {
          reason: 'moved to another city',
          withdrawnOn: '2026-12-20',
        })
      ).status,
    ).toBeLessThan(300);
    const withdrawn = await recordOf('admin.student.v1', 'StudentWithdrawn', (v) => v.studentId === studentId);
    const patronWithdrawn = await recordOf(
      'libraries.patron.v1',
      'PatronWithdrawn',
      (v) => v.patronId === studentPatron.value.patronId,
    );
    expect(patronWithdrawn.value).toMatchObject({ patronId: studentPatron.value.patronId });
    expect(header(patronWithdrawn.record, 'causation_id')).toBe(header(withdrawn.record, 'ce_id'));
    // ... and her account deactivated: she can no longer sign in; her mother still can.
    const deactivated = await recordOf('identity.user.v1', 'UserDeactivated', (v) => v.userId === studentId);
    expect(deactivated.value).toMatchObject({ userId: studentId });
    expect(header(deactivated.record, 'causation_id')).toBe(header(withdrawn.record, 'ce_id'));
    expect((await signIn(`asha@${tenant}.test`)).status).toBe(401);
    expect((await signIn(guardianEmail)).status).toBe(200);
  });
});
