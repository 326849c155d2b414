import { randomUUID } from 'node:crypto';
import { admin, identity } from '@hexfleet/schemas';
import { eventually } from '@hexfleet/testing';
import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { expectStatus, person, Reply } from './support/people';

/**
 * Flow 4, profile's part (ADR 0043, 0047): Admin's StudentEnrolled gives the admission number,
 * identity's GuardianshipRecorded the guardian accounts, identity's UserRegistered (user id =
 * student id) the profile. Published by stand-ins for Admin and identity, in two orders.
 */
describe("a student's profile from Admin's and identity's events", () => {
  let fleet: ProfileFleet;
  const tenant = uniqueTenant('stu');
  const school = randomUUID();
  let adminToken: string;

  beforeAll(async () => {
    fleet = await startProfileFleet();
    adminToken = await fleet.issuer.mint({ tenant, roles: ['school-admin'] });
  });
  afterAll(() => fleet?.close());

  const yearId = randomUUID();
  const groupCreated = (groupId: string, section: string) =>
    admin.groupCreated({
      groupId,
      schoolId: school,
      yearId,
      grade: '5',
      section,
      name: `Grade 5 ${section}`,
      capacity: 30,
      createdAt: new Date().toISOString(),
    });
  const enrolled = (studentId: string, admissionNumber: string, groupId: string) =>
    admin.studentEnrolled({
      studentId,
      schoolId: school,
      yearId,
      groupId,
      rollNumber: 3,
      admissionNumber,
      firstName: 'Kid',
      lastName: 'Rao',
      birthDate: '2015-04-02',
      email: null,
      guardians: [
        { name: 'Mira Rao', relationship: 'mother', email: 'm@x.test', phone: null, primary: true },
        { name: 'Dev Rao', relationship: 'father', email: 'd@x.test', phone: null, primary: false },
      ],
      enrolledOn: '2026-06-01',
      enrolledAt: new Date().toISOString(),
    });
  const guardianship = (userId: string, studentId: string, relationship: string, primary: boolean) =>
    identity.guardianshipRecorded({
      userId,
      studentId,
      schoolId: school,
      relationship,
      primary,
      recordedAt: new Date().toISOString(),
    });
  const studentAccount = (studentId: string) =>
    identity.userRegistered({
      userId: studentId,
      product: 'school',
      email: `${studentId.slice(0, 8)}@x.test`,
      displayName: 'Kid Rao',
      registeredVia: 'invitation',
      studentId,
      registeredAt: new Date().toISOString(),
    });

  /** The profile once it shows what the test waits for. */
  const profileOnce = async (userId: string, ready: (body: Reply['body']) => boolean, what: string) => {
    let body: Reply['body'] = {};
    await eventually(
      async () => {
        const reply = await fleet.call('GET', `/profiles/${userId}`, { token: adminToken });
        body = reply.body;
        return reply.status === 200 && ready(body);
      },
      { what, timeoutMs: 60_000 },
    );
    return body;
  };
  const linked = (n: number) => (body: Reply['body']) =>
    Array.isArray(body.guardians) && body.guardians.length === n && body.admissionNumber !== null;
  const classed = (body: Reply['body']) => linked(2)(body) && body.className !== null;

  it('links the guardian accounts and shows the admission number and class, whichever event comes first', async () => {
    const [mother, father] = await Promise.all([
      person(fleet, tenant, { displayName: 'Mira Rao', product: 'school', roles: ['guardian'] }),
      person(fleet, tenant, { displayName: 'Dev Rao', product: 'school', roles: ['guardian'] }),
    ]);
    const [ana, ben] = [randomUUID(), randomUUID()];
    const [groupA, groupB] = [randomUUID(), randomUUID()];

    // Ana: the father's guardianship first (not primary), then the mother's, Admin's enrolment, the account,
    // and her group's creation last.
    await fleet.identity.append(tenant, 'user', father.userId, guardianship(father.userId, ana, 'father', false));
    await fleet.identity.append(tenant, 'user', mother.userId, guardianship(mother.userId, ana, 'mother', true));
    await fleet.admin.append(tenant, 'student', ana, enrolled(ana, 'A-001', groupA));
    await eventually(async () => (await fleet.stored({ stream: `${tenant}/student-link/${ana}` })) === 3, {
      what: "Ana's three facts noted before her account exists",
      timeoutMs: 60_000,
    });
    await fleet.identity.append(tenant, 'user', ana, studentAccount(ana));
    await profileOnce(ana, linked(2), "Ana's profile with two guardians");
    await fleet.admin.append(tenant, 'group', groupA, groupCreated(groupA, 'A'));

    // Ben: his group first, then the account, Admin's enrolment, the mother's and the father's guardianships.
    await fleet.admin.append(tenant, 'group', groupB, groupCreated(groupB, 'B'));
    await fleet.identity.append(tenant, 'user', ben, studentAccount(ben));
    await profileOnce(ben, () => true, "Ben's profile");
    await fleet.admin.append(tenant, 'student', ben, enrolled(ben, 'A-002', groupB));
    await fleet.identity.append(tenant, 'user', mother.userId, guardianship(mother.userId, ben, 'mother', true));
    await fleet.identity.append(tenant, 'user', father.userId, guardianship(father.userId, ben, 'father', false));

    const anaProfile = await profileOnce(ana, classed, "Ana's profile with two guardians and a class");
    const benProfile = await profileOnce(ben, classed, "Ben's profile with two guardians and a class");
    const links = (body: Reply['body']) =>
      (body.guardians as Array<{ guardianUserId: string; relationship: string; primary: boolean }>)
        .map(({ guardianUserId, relationship, primary }) => ({ guardianUserId, relationship, primary }))
        .sort((a, b) => a.relationship.localeCompare(b.relationship));
    const expected = [
      { guardianUserId: father.userId, relationship: 'father', primary: false },
      { guardianUserId: mother.userId, relationship: 'mother', primary: true },
    ];
    console.log(
      `Ana (facts first): ${JSON.stringify(links(anaProfile))}; Ben (account first): ${JSON.stringify(links(benProfile))}`,
    );
    expect(anaProfile).toMatchObject({ studentId: ana, admissionNumber: 'A-001', className: 'Grade 5 A' });
    expect(benProfile).toMatchObject({ studentId: ben, admissionNumber: 'A-002', className: 'Grade 5 B' });
    expect(links(anaProfile)).toEqual(expected);
    expect(links(benProfile)).toEqual(expected);

    // The mother of two: one profile, a guardian of both.
    const own = expectStatus(await fleet.call('GET', '/profiles/me', { token: mother.token }), 200);
    const children = (own.guardianOf as Array<{ studentUserId: string }>).map((g) => g.studentUserId).sort();
    expect(children).toEqual([ana, ben].sort());
    // Each link and field written once: the policy's events on Ana's profile stream.
    const stream = `${tenant}/profile/${ana}`;
    const counts = await Promise.all(
      ['ProfileCreated', 'ProfileUpdated', 'GuardianLinked', 'PrimaryGuardianChanged'].map((type) =>
        fleet.stored({ type, stream }),
      ),
    );
    // Admin's primary is linked first when the facts wait for the profile: no primary role to move.
    // Two updates: the admission number with the profile, the class when the group was named.
    expect(counts).toEqual([1, 2, 2, 0]);
  });
});
