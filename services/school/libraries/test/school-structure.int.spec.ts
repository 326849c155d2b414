import { randomUUID } from 'node:crypto';
import { policyGroup } from '@hexfleet/eventing';
import { fixedClock } from '@hexfleet/kernel';
import { admin, hq, identity } from '@hexfleet/schemas';
import type { KafkaMessage } from 'kafkajs';
import { caughtUp, eventually, listOf, readTopicUntil, storedEvents, tenantEvents } from '@hexfleet/testing';
import { schoolPatronId } from '../src/application/school-patrons.command-handler';
import { startLibraries, uniqueTenant } from './support/libraries-harness';
import type { LibrariesHarness } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';
import { OutboxStandIn } from './support/outbox-stand-in';
import { pushedTerms } from './domain/library-fixtures';

const NOW = '2026-03-02T09:00:00.000Z';
type Row = Record<string, unknown>;
const header = (record: KafkaMessage, name: string) => record.headers?.[name]?.toString();

// Flow 4, libraries' part: Admin's, HQ's and identity's events (published from a stand-in
// outbox, as their relays would) make patrons, end them, and set each school's default loan rule.
describe('libraries follows the school structure', () => {
  let service: LibrariesHarness;
  let outside: OutboxStandIn;
  const tenant = uniqueTenant('flow');
  let desk: LibrarySetup;

  const enrolled = (schoolId: string, studentId: string, firstName: string, yearId = randomUUID()) =>
    admin.studentEnrolled({
      studentId,
      schoolId,
      yearId,
      groupId: null,
      rollNumber: null,
      admissionNumber: `A-${firstName}`,
      firstName,
      lastName: 'Rao',
      birthDate: '2015-06-01',
      email: null,
      guardians: [
        { name: 'Meera Rao', relationship: 'mother', email: 'meera@example.org', phone: null, primary: true },
      ],
      enrolledOn: '2026-03-02',
      enrolledAt: NOW,
    });
  const assigned = (schoolId: string, groupId: string, teacherUserId: string, subjectName: string | null) =>
    admin.teacherAssigned({
      groupId,
      schoolId,
      yearId: randomUUID(),
      subjectId: subjectName ? randomUUID() : null,
      subjectName,
      teacherUserId,
      teacherName: 'Kavita Iyer',
      assignedAt: NOW,
    });
  const loanRules = pushedTerms;
  const groupPolicy = (policyVersion: number, loanPeriodDays: number) =>
    hq.groupPolicyPublished({
      policyVersion,
      loanRules: loanRules(loanPeriodDays),
      attendanceCodes: [
        { code: 'P', label: 'Present', meaning: 'present' },
        { code: 'A', label: 'Absent', meaning: 'absent' },
      ],
      absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 },
      publishedBy: 'hq-admin',
      publishedAt: NOW,
    });

  /** The patrons by id as the desk reads them (REST). */
  const patrons = async (ids: string[]) =>
    listOf<Row>(await service.call('GET', `/patrons?ids=${ids.join(',')}`, { token: desk.token }));
  const patronsAppear = async (ids: string[], what: string, check: (rows: Row[]) => boolean = () => true) => {
    let rows: Row[] = [];
    await eventually(
      async () => {
        rows = await patrons(ids);
        return rows.length === ids.length && check(rows);
      },
      { what },
    );
    return rows;
  };
  const count = (type: string) => tenantEvents(service, tenant, [type]);
  /** The running name (consumer group) of one of the service's policies. */
  const groupOf = (prefix: string) => {
    const running = service.runtime.definition.policies?.find((p) => p.name.startsWith(prefix));
    if (!running) throw new Error(`no policy ${prefix}`);
    return policyGroup(running);
  };

  beforeAll(async () => {
    [service, outside] = await Promise.all([
      startLibraries(fixedClock(NOW)),
      OutboxStandIn.start([...admin.contracts, ...hq.contracts, ...identity.contracts]),
    ]);
    desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
  });
  afterAll(async () => {
    await outside?.close();
    await service?.close();
  });

  it('registers a student patron per enrolment and a staff patron per teacher, once; PatronRegistered names the enrolment as its cause', async () => {
    const school = desk.schoolId;
    const [asha, teacher] = [randomUUID(), randomUUID()];
    const ashaEnrolled = await outside.record(tenant, 'student', asha, enrolled(school, asha, 'Asha'));
    // Three assignments of one teacher in the school, one more in another school.
    const otherSchool = randomUUID();
    for (const [groupId, subject] of [
      [randomUUID(), 'Maths'],
      [randomUUID(), 'Science'],
      [randomUUID(), null],
    ] as const)
      await outside.record(tenant, 'group', groupId, assigned(school, groupId, teacher, subject));
    const otherGroup = randomUUID();
    await outside.record(tenant, 'group', otherGroup, assigned(otherSchool, otherGroup, teacher, 'Maths'));
    await outside.publish();

    const ashaPatron = schoolPatronId(tenant, school, asha);
    const [staffHere, staffThere] = [
      schoolPatronId(tenant, school, teacher),
      schoolPatronId(tenant, otherSchool, teacher),
    ];
    const rows = await patronsAppear(
      [ashaPatron, staffHere, staffThere],
      'the enrolled student and the teacher as patrons',
    );
    const view = (id: string) => rows.find((r) => r.patronId === id);
    expect(view(ashaPatron)).toMatchObject({
      schoolId: school,
      userId: asha,
      name: 'Asha Rao',
      category: 'student',
      standing: 'active',
    });
    expect(view(staffHere)).toMatchObject({
      schoolId: school,
      userId: teacher,
      name: 'Kavita Iyer',
      category: 'staff',
    });
    expect(view(staffThere)).toMatchObject({ schoolId: otherSchool, userId: teacher, category: 'staff' });
    expect(await count('PatronRegistered')).toBe(3);

    // An outside consumer of libraries.patron.v1: the student's PatronRegistered carries, in its
    // Kafka headers, the StudentEnrolled's id (ce_id) as causation_id.
    const isAshas = (r: KafkaMessage) => header(r, 'tenant') === tenant && header(r, 'ce_subject') === ashaPatron;
    const [registered] = (await readTopicUntil('libraries.patron.v1', (all) => all.some(isAshas))).filter(isAshas);
    console.log(
      `PatronRegistered ${header(registered, 'ce_id')}: causation_id ${header(registered, 'causation_id')}, StudentEnrolled ${ashaEnrolled}`,
    );
    expect(header(registered, 'ce_type')).toBe('hexfleet.libraries.patron.PatronRegistered');
    expect(header(registered, 'causation_id')).toBe(ashaEnrolled);

    // Redelivery (every event published again) and a second enrolment of Asha in the same
    // school (next year's) register nothing; a new student after them shows they were read.
    await outside.record(tenant, 'student', asha, enrolled(school, asha, 'Asha'));
    const ravi = randomUUID();
    await outside.record(tenant, 'student', ravi, enrolled(school, ravi, 'Ravi'));
    await outside.publish();
    await patronsAppear([schoolPatronId(tenant, school, ravi)], 'the next student');
    await caughtUp(groupOf('libraries-admin'), ['admin.student.v1', 'admin.group.v1'], { tenant });
    expect(await count('PatronRegistered')).toBe(4);
    expect(await count('UserPatronLinked')).toBe(4);
  });

  it('StudentWithdrawn withdraws the student’s patron and UserDeactivated blocks the user’s patrons: both refuse a checkout', async () => {
    const school = desk.schoolId;
    await desk.rule();
    const { copyIds } = await desk.title('Withdrawals', 3);
    const [kiran, neverEnrolled, teacher] = [randomUUID(), randomUUID(), randomUUID()];
    const group = randomUUID();
    await outside.record(tenant, 'student', kiran, enrolled(school, kiran, 'Kiran'));
    await outside.record(tenant, 'group', group, assigned(school, group, teacher, 'History'));
    await outside.publish();
    const [kiranPatron, staffPatron] = [schoolPatronId(tenant, school, kiran), schoolPatronId(tenant, school, teacher)];
    await patronsAppear([kiranPatron, staffPatron], 'Kiran and the history teacher');
    const loan = expectStatus(await desk.borrow(copyIds[0], staffPatron), 201).body;
    expect(loan.dueDate).toBe('2026-03-16'); // the desk's default rule: 14 days

    const withdrawn = (studentId: string) =>
      admin.studentWithdrawn({
        studentId,
        schoolId: school,
        yearId: null,
        groupId: null,
        reason: 'moved to another city',
        withdrawnOn: '2026-03-02',
        withdrawnAt: NOW,
      });
    await outside.record(tenant, 'student', kiran, withdrawn(kiran));
    await outside.record(tenant, 'student', neverEnrolled, withdrawn(neverEnrolled)); // admitted, never a patron
    await outside.record(
      tenant,
      'user',
      teacher,
      identity.userDeactivated({ userId: teacher, reason: 'left the school', deactivatedBy: null, deactivatedAt: NOW }),
    );
    await outside.publish();
    await patronsAppear([kiranPatron, staffPatron], 'Kiran withdrawn and the teacher blocked', (rows) =>
      rows.every((r) => r.standing !== 'active'),
    );
    const standing = Object.fromEntries(
      (await patrons([kiranPatron, staffPatron])).map((r) => [r.patronId, r.standing]),
    );
    expect(standing).toEqual({ [kiranPatron]: 'withdrawn', [staffPatron]: 'blocked' });

    const refusedWithdrawn = await desk.borrow(copyIds[1], kiranPatron);
    const refusedBlocked = await desk.borrow(copyIds[2], staffPatron);
    console.log(
      `withdrawn student borrows: ${refusedWithdrawn.status} ${refusedWithdrawn.body.code}; deactivated teacher: ${refusedBlocked.status} ${refusedBlocked.body.code}`,
    );
    expect([refusedWithdrawn.status, refusedWithdrawn.body.code]).toEqual([409, 'patron-withdrawn']);
    expect([refusedBlocked.status, refusedBlocked.body.code]).toEqual([409, 'patron-blocked']);
    // The teacher's loan stays theirs to return.
    expectStatus(await service.call('POST', `/loans/${loan.loanId}/return`, { token: desk.token }), 200);

    // Redelivered, and a re-enrolment of the withdrawn student: nothing more (the patron stays withdrawn).
    await outside.record(tenant, 'student', kiran, enrolled(school, kiran, 'Kiran'));
    await outside.publish();
    await caughtUp(groupOf('libraries-admin'), ['admin.student.v1', 'admin.group.v1'], { tenant });
    await caughtUp(groupOf('libraries-identity'), ['identity.user.v1'], { tenant });
    expect([await count('PatronWithdrawn'), await count('PatronBlocked')]).toEqual([1, 1]);
    expect((await patrons([kiranPatron]))[0].standing).toBe('withdrawn');
    expect(await count('PatronRegistered')).toBe(6);
  });

  it('HQ’s pushed loan rules set a school’s due dates; the school’s own HQ setting beats the group’s, and a librarian’s rule beats both', async () => {
    const borrowIn = async (school: LibrarySetup, studentName: string) => {
      const student = randomUUID();
      await outside.record(tenant, 'student', student, enrolled(school.schoolId, student, studentName));
      return { student, patronId: schoolPatronId(tenant, school.schoolId, student) };
    };
    // Three schools of the group, none with a rule of its own yet; one librarian per school.
    const [plain, ownHq, ownDesk] = [0, 1, 2].map(() => new LibrarySetup(service, desk.token));
    const students = [await borrowIn(plain, 'Uma'), await borrowIn(ownHq, 'Vik'), await borrowIn(ownDesk, 'Wen')];
    await outside.publish();
    await patronsAppear(
      students.map((s) => s.patronId),
      'a student in each school',
    );
    const copies = [
      (await plain.title('Pushed', 2)).copyIds,
      (await ownHq.title('Own HQ', 2)).copyIds,
      (await ownDesk.title('Own desk', 2)).copyIds,
    ];
    // No rule anywhere yet: a checkout finds none.
    const none = await plain.borrow(copies[0][0], students[0].patronId);
    expect([none.status, none.body.code]).toEqual([409, 'no-loan-rule']);

    // The desk of the third school sets its own default (7 days) and a staff cell; HQ pushes 21 days to
    // the group and 10 days as the second school's own setting.
    await ownDesk.rule({ loanPeriodDays: 7 });
    await outside.record(tenant, 'group-policy', 'group', groupPolicy(1, 21));
    await outside.record(
      tenant,
      'school',
      ownHq.schoolId,
      hq.schoolPolicySet({
        schoolId: ownHq.schoolId,
        loanRules: loanRules(10),
        attendanceCodes: null,
        absenceThresholds: null,
        setBy: 'hq-admin',
        setAt: NOW,
      }),
    );
    await outside.publish();
    const rulesOf = async (school: LibrarySetup) =>
      listOf<Row>(await service.call('GET', `/schools/${school.schoolId}/loan-rules`, { token: desk.token }));
    await eventually(
      async () => (await rulesOf(ownHq))[0]?.loanPeriodDays === 10 && (await rulesOf(plain))[0]?.loanPeriodDays === 21,
      {
        what: 'the pushed defaults',
      },
    );
    expect(await rulesOf(plain)).toEqual([
      { patronCategory: null, itemType: null, ...loanRules(21), hardDueDate: null },
    ]);

    const due = async (i: number) =>
      expectStatus(await [plain, ownHq, ownDesk][i].borrow(copies[i][0], students[i].patronId), 201).body.dueDate;
    const dueDates = [await due(0), await due(1), await due(2)];
    console.log(
      `due dates borrowed ${NOW}: group default 21 d ${dueDates[0]}, school's HQ setting 10 d ${dueDates[1]}, librarian's own 7 d ${dueDates[2]}`,
    );
    expect(dueDates).toEqual(['2026-03-23', '2026-03-12', '2026-03-09']);

    // With a pushed default, a desk may set a specific cell without a default of its own (the
    // pushed one fills the rest), and may remove its own default to follow HQ's again.
    await plain.rule({ patronCategory: 'staff', loanPeriodDays: 30 });
    expect((await rulesOf(plain)).map((r) => [r.patronCategory, r.loanPeriodDays])).toEqual([
      [null, 21],
      ['staff', 30],
    ]);
    const removed = await service.call('DELETE', `/schools/${ownDesk.schoolId}/loan-rules`, { token: desk.token });
    expect(removed.status).toBe(204);
    expect((await rulesOf(ownDesk))[0].loanPeriodDays).toBe(21);

    // Redelivered, then version 2 (14 days): one more noted, the redelivered ones change nothing.
    await outside.record(tenant, 'group-policy', 'group', groupPolicy(2, 14));
    await outside.publish();
    await eventually(async () => (await rulesOf(plain))[0]?.loanPeriodDays === 14, { what: 'version 2' });
    await caughtUp(groupOf('libraries-hq'), ['hq.group-policy.v1', 'hq.school.v1'], { tenant });
    expect([await count('GroupLoanDefaultsReceived'), await count('SchoolLoanDefaultsReceived')]).toEqual([2, 1]);
    // The second school keeps its own HQ setting over the group's new version.
    expect(expectStatus(await ownHq.borrow(copies[1][1], students[1].patronId), 201).body.dueDate).toBe('2026-03-12');
  });

  it('UserReactivated lifts only the blocks the deactivation put on; a patron registered while the user is deactivated is blocked at once', async () => {
    const [teacher, schoolB, schoolC] = [randomUUID(), randomUUID(), randomUUID()];
    const here = desk.schoolId;
    const assignIn = async (schoolId: string) => {
      const group = randomUUID();
      await outside.record(tenant, 'group', group, assigned(schoolId, group, teacher, 'Art'));
    };
    const user = (event: { type: string; data: unknown }) => outside.record(tenant, 'user', teacher, event);
    const [patronHere, patronB, patronC] = [here, schoolB, schoolC].map((s) => schoolPatronId(tenant, s, teacher));
    const standings = async () =>
      Object.fromEntries((await patrons([patronHere, patronB, patronC])).map((r) => [r.patronId, r.standing]));

    await assignIn(here);
    await assignIn(schoolB);
    await outside.publish();
    await patronsAppear([patronHere, patronB], 'the art teacher in two schools');
    // School B's desk blocks the teacher for its own reason first.
    expectStatus(
      await service.call('POST', `/patrons/${patronB}/block`, { token: desk.token, body: { reason: 'unpaid fines' } }),
      204,
    );
    await patronsAppear([patronB], 'the desk’s block', (rows) => rows[0].standing === 'blocked');
    await user(identity.userDeactivated({ userId: teacher, reason: null, deactivatedBy: null, deactivatedAt: NOW }));
    await outside.publish();
    await caughtUp(groupOf('libraries-identity'), ['identity.user.v1'], { tenant });
    // Assigned in a third school while deactivated: registered, and blocked in the same transaction.
    await assignIn(schoolC);
    await outside.publish();
    await patronsAppear([patronHere, patronB, patronC], 'the teacher blocked everywhere', (rows) =>
      rows.every((r) => r.standing === 'blocked'),
    );

    await user(identity.userReactivated({ userId: teacher, reactivatedBy: null, reactivatedAt: NOW }));
    await outside.publish();
    await patronsAppear([patronHere, patronC], 'the deactivation’s blocks lifted', (rows) =>
      rows.every((r) => r.standing === 'active'),
    );
    // B's standing is read from its stream, not the read model: in CI another test's libraries
    // reacts to these same published events in its own database, where the desk never blocked B,
    // and its PatronUnblocked for B reaches this read model too (the topic is shared; a deployment
    // of its own is not told apart yet).
    const streamOf = (patronId: string) => `${tenant}/patron/${patronId}`;
    const blocks = async (type: string) =>
      Promise.all([patronHere, patronB, patronC].map((p) => storedEvents(service, type, streamOf(p))));
    expect(await blocks('PatronUnblocked')).toEqual([1, 0, 1]);
    const { copyIds } = await desk.title('Reactivated', 1);
    expectStatus(await desk.borrow(copyIds[0], patronHere), 201);

    // Identity's events again (redelivered): nothing changes.
    await outside.publish();
    await caughtUp(groupOf('libraries-identity'), ['identity.user.v1'], { tenant });
    expect(await blocks('PatronBlocked')).toEqual([1, 1, 1]);
    expect(await blocks('PatronUnblocked')).toEqual([1, 0, 1]);
    const after = await standings();
    expect([after[patronHere], after[patronC]]).toEqual(['active', 'active']);
  });
});
