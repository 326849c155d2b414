import { randomUUID } from 'node:crypto';
import { consumerLag } from '@hexfleet/eventing';
import { consumerGroups } from '@hexfleet/platform';
import { admin } from '@hexfleet/schemas';
import { eventually, testKafka } from '@hexfleet/testing';
import { decodeJwt } from 'jose';
import { guardianUserId } from '../src/application/student-accounts.command-handler';
import { expectStatus, invite, Person, provisionTenant } from './support/accounts';
import { IdentityHarness, startIdentity } from './support/identity-harness';
import { OutboxStandIn } from './support/outbox-stand-in';

type GuardianInput = {
  name: string;
  relationship: string;
  email?: string | null;
  phone?: string | null;
  primary: boolean;
};

/**
 * Admin -> identity (ADR 0043, 0046): Admin's StudentEnrolled and StudentWithdrawn from a
 * stand-in outbox, published with Admin's contracts to admin.student.v1. No Admin code runs.
 */
describe('identity reacts to Admin', () => {
  let service: IdentityHarness;
  let adminOutbox: OutboxStandIn;

  beforeAll(async () => {
    service = await startIdentity({ ADMIN_POLICIES: 'on' });
    adminOutbox = await OutboxStandIn.start('admin', admin.contracts, '/school/admin');
  });
  afterAll(async () => {
    await service?.close();
    await adminOutbox?.close();
  });

  const enrolled = (
    schoolId: string,
    studentId: string,
    firstName: string,
    email: string | null,
    guardians: GuardianInput[],
  ) =>
    admin.studentEnrolled({
      studentId,
      schoolId,
      yearId: randomUUID(),
      groupId: randomUUID(),
      rollNumber: 1,
      admissionNumber: `A-${studentId.slice(0, 6)}`,
      firstName,
      lastName: 'Rao',
      birthDate: '2015-04-02',
      email,
      guardians: guardians.map((g) => ({ email: null, phone: null, ...g })),
      enrolledOn: '2026-06-01',
      enrolledAt: new Date().toISOString(),
    });

  /** Every event of a stream of identity's, by type. */
  const streamCounts = async (stream: string) => {
    const { rows } = await service.db.pool.query<{ type: string; n: number }>(
      `select event_type as type, count(*)::int as n from eventstore.events where stream_id = $1 group by 1 order by 1`,
      [stream],
    );
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  };

  const caughtUp = async () => {
    const kafka = testKafka('lag').admin();
    await kafka.connect();
    const [{ groupId, topics }] = consumerGroups({ policies: service.runtime.definition.policies });
    await eventually(async () => (await consumerLag(kafka, groupId, topics)) === 0, {
      what: 'the Admin policy caught up',
    });
    await kafka.disconnect();
  };

  it('invites the student and guardians, one account for a parent of two, acts once on a replay, deactivates on withdrawal', async () => {
    const { tenant, adminToken } = await provisionTenant(service, 'school');
    const school = randomUUID();
    const [ana, ben] = [randomUUID(), randomUUID()];
    const mother = new Person(service, tenant, `mother@${tenant}.example`);
    const father = new Person(service, tenant, `father@${tenant}.example`);
    const student = new Person(service, tenant, `ana@${tenant}.example`);

    // Ana has her own email; her father only a phone. Ben has no email; his father (another man) one.
    const anaEnrolled = await adminOutbox.record(
      tenant,
      'student',
      ana,
      enrolled(school, ana, 'Ana', student.email, [
        { name: 'Mira Rao', relationship: 'mother', email: 'Mother@' + `${tenant}.example`, primary: true },
        { name: 'Ravi Rao', relationship: 'father', phone: '+91 98 7654 3210', primary: false },
      ]),
    );
    const benEnrolled = await adminOutbox.record(
      tenant,
      'student',
      ben,
      enrolled(school, ben, 'Ben', null, [
        { name: 'Mira Rao', relationship: 'mother', email: mother.email, primary: true },
        { name: 'Dev Rao', relationship: 'father', email: father.email, primary: false },
      ]),
    );
    await adminOutbox.publish();
    for (const person of [student, mother, father])
      await eventually(async () => (await person.mails()).some((m) => m.purpose === 'invitation'), {
        what: `an invitation to ${person.email}`,
        timeoutMs: 30_000,
      });

    // The student: an account whose user id is the student id, role student at the school.
    const studentTokens = await student.signIn();
    const studentClaims = decodeJwt(studentTokens.accessToken);
    expect(studentClaims.sub).toBe(ana);
    expect(studentClaims.grants).toEqual([{ role: 'student', scopeType: 'school', scopeId: school }]);
    // The guardians: one account for the mother of two, the guardian role at the school.
    const motherClaims = decodeJwt((await mother.signIn()).accessToken);
    expect(motherClaims.sub).toBe(guardianUserId(tenant, mother.email));
    expect(motherClaims.grants).toEqual([{ role: 'guardian', scopeType: 'school', scopeId: school }]);
    const fatherClaims = decodeJwt((await father.signIn()).accessToken);
    expect(fatherClaims.roles).toEqual(['guardian']);
    // Ben has no email of his own: no account.
    expectStatus(await service.call('GET', `/users/${ben}`, { token: adminToken }), 404);

    // A teacher whose email Admin records as a student's own: no student account, no student role.
    const { person: teacher, userId: teacherId } = await invite(
      service,
      tenant,
      adminToken,
      [{ role: 'teacher', schoolId: school }],
      'teacher',
    );
    const cleo = randomUUID();
    const cleoEnrolled = await adminOutbox.record(
      tenant,
      'student',
      cleo,
      enrolled(school, cleo, 'Cleo', teacher.email, [
        { name: 'Mira Rao', relationship: 'aunt', email: mother.email, primary: true },
      ]),
    );
    await adminOutbox.publish(); // republishes Ana's and Ben's enrolments too: a replay
    const motherId = String(motherClaims.sub);
    await eventually(async () => ((await streamCounts(`${tenant}/user/${motherId}`)).GuardianshipRecorded ?? 0) === 3, {
      what: "the mother's third guardianship (Cleo's aunt)",
    });
    await caughtUp();
    expectStatus(await service.call('GET', `/users/${cleo}`, { token: adminToken }), 404);
    const teacherAccount = expectStatus(await service.call('GET', `/users/${teacherId}`, { token: adminToken }), 200);
    expect(teacherAccount.body.roles).toEqual(['teacher']);

    const motherStream = await streamCounts(`${tenant}/user/${motherId}`);
    const studentStream = await streamCounts(`${tenant}/user/${ana}`);
    const invitations = async (person: Person) => (await person.mails()).filter((m) => m.purpose === 'invitation');
    console.log(
      `after enrolments delivered twice: mother ${JSON.stringify(motherStream)}, ` +
        `${(await invitations(mother)).length} invitation; student ${JSON.stringify(studentStream)}`,
    );
    expect(motherStream).toEqual({
      UserRegistered: 1,
      RoleGranted: 1,
      GuardianshipRecorded: 3,
      PasswordChanged: 1,
      EmailVerified: 1,
    });
    expect(studentStream).toEqual({ UserRegistered: 1, RoleGranted: 1, PasswordChanged: 1, EmailVerified: 1 });
    expect(await invitations(mother)).toHaveLength(1);
    expect(await invitations(father)).toHaveLength(1);
    expect(await invitations(student)).toHaveLength(1);
    const { rows: guardianships } = await service.db.pool.query(
      `select payload->>'studentId' as "studentId", payload->>'relationship' as relationship, (payload->>'primary')::boolean as primary,
              metadata->>'causationId' as "causationId"
         from eventstore.events where stream_id = $1 and event_type = 'GuardianshipRecorded' order by stream_version`,
      [`${tenant}/user/${motherId}`],
    );
    // Each enrolment is its own student stream, so its own Kafka partition: the mother's stream
    // records them in whatever order the policy met them. Compare as a set.
    const byStudent = (a: { studentId: string }, b: { studentId: string }) => a.studentId.localeCompare(b.studentId);
    expect([...guardianships].sort(byStudent)).toEqual(
      [
        { studentId: ana, relationship: 'mother', primary: true, causationId: anaEnrolled },
        { studentId: ben, relationship: 'mother', primary: true, causationId: benEnrolled },
        { studentId: cleo, relationship: 'aunt', primary: true, causationId: cleoEnrolled },
      ].sort(byStudent),
    );

    // Ana leaves: her account is deactivated, her session ends, her login is refused; her mother's stays.
    await adminOutbox.record(
      tenant,
      'student',
      ana,
      admin.studentWithdrawn({
        studentId: ana,
        schoolId: school,
        reason: 'moved away',
        withdrawnOn: '2026-09-30',
        withdrawnAt: new Date().toISOString(),
      }),
    );
    await adminOutbox.publish();
    await eventually(
      async () => (await service.call('GET', `/users/${ana}`, { token: adminToken })).body.status === 'deactivated',
      { what: 'the withdrawn student deactivated' },
    );
    const refresh = await student.call('POST', '/auth/refresh', { tenant, refreshToken: studentTokens.refreshToken });
    const login = await student.login();
    console.log(
      `StudentWithdrawn -> student refresh ${refresh.status}, login ${login.status}; mother login ${(await mother.login()).status}`,
    );
    expect(refresh.status).toBe(401);
    expect(login.status).toBe(401);
    expectStatus(await mother.login(), 200);

    // Ana comes back, to another school of the group: the same account, active again, with both schools.
    const otherSchool = randomUUID();
    await adminOutbox.record(tenant, 'student', ana, enrolled(otherSchool, ana, 'Ana', student.email, []));
    await adminOutbox.publish();
    await eventually(
      async () => (await service.call('GET', `/users/${ana}`, { token: adminToken })).body.status === 'active',
      { what: 'the re-enrolled student reactivated' },
    );
    const back = decodeJwt(String(expectStatus(await student.login(), 200).body.accessToken));
    expect(back.sub).toBe(ana);
    expect(back.grants).toEqual([
      { role: 'student', scopeType: 'school', scopeId: school },
      { role: 'student', scopeType: 'school', scopeId: otherSchool },
    ]);
    expect(await invitations(student)).toHaveLength(1);
  });
});
