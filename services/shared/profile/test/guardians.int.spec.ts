import { randomUUID } from 'node:crypto';
import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { expectStatus, person, Person, Reply } from './support/people';

const outcome = (reply: Reply) => `${reply.status} ${reply.body.code ?? ''}`.trim();

// DOMAIN.md: a student has at least one guardian, exactly one primary; only a guardian or an admin edits a minor's profile.
describe('student-guardian links through REST', () => {
  let fleet: ProfileFleet;
  const tenant = uniqueTenant('gua');
  let student: Person;
  let mother: Person;
  let father: Person;
  let admin: string;

  beforeAll(async () => {
    fleet = await startProfileFleet();
    admin = await fleet.issuer.mint({ tenant, roles: ['school-admin'] });
    [student, mother, father] = await Promise.all([
      person(fleet, tenant, {
        displayName: 'Kid Silva',
        product: 'school',
        roles: ['student'],
        studentId: randomUUID(),
      }),
      person(fleet, tenant, { displayName: 'Mae Silva', product: 'school', roles: ['guardian'] }),
      person(fleet, tenant, { displayName: 'Pai Silva', product: 'school', roles: ['guardian'] }),
    ]);
  });
  afterAll(() => fleet?.close());

  const link = (token: string, guardianUserId: string, primary?: boolean) =>
    fleet.call('POST', `/profiles/${student.userId}/guardians`, {
      token,
      body: { guardianUserId, relationship: guardianUserId === mother.userId ? 'mother' : 'father', primary },
    });
  const unlink = (guardianUserId: string) =>
    fleet.call('DELETE', `/profiles/${student.userId}/guardians/${guardianUserId}`, { token: admin });

  it('keeps one primary guardian and at least one guardian, admins only', async () => {
    const steps: Array<[string, Reply]> = [];
    const step = async (what: string, reply: Promise<Reply>) => {
      steps.push([what, await reply]);
      return steps[steps.length - 1][1];
    };
    await step('the mother links herself', link(mother.token, mother.userId));
    await step('admin links the mother (not asking for primary)', link(admin, mother.userId, false));
    await step('admin links the father as primary too', link(admin, father.userId, true));
    await step('admin links the father', link(admin, father.userId));
    await step('admin links the father again', link(admin, father.userId));
    await step('admin links an unknown user', link(admin, randomUUID()));
    await step('admin unlinks the primary (mother)', unlink(mother.userId));
    const primary = await step(
      'admin makes the father primary',
      fleet.call('POST', `/profiles/${student.userId}/guardians/${father.userId}/primary`, { token: admin }),
    );
    const between = await fleet.call('GET', `/profiles/${student.userId}`, {
      token: admin,
      headers: { 'x-consistency-token': primary.headers.get('x-consistency-token') ?? '' },
    });
    await step('admin unlinks the mother', unlink(mother.userId));
    await step('admin unlinks the father, the last one', unlink(father.userId));
    await step('admin unlinks the mother again', unlink(mother.userId));
    console.log(steps.map(([what, reply]) => `${what}: ${outcome(reply)}`).join('\n'));
    expect(steps.map(([, reply]) => outcome(reply))).toEqual([
      '409 guardian-links-admin-only',
      '201',
      '409 primary-guardian-exists',
      '201',
      '409 guardian-already-linked',
      '422 unknown-guardian',
      '409 primary-guardian-cannot-be-unlinked',
      '204',
      '204',
      '409 last-guardian',
      '404 not-found',
    ]);
    console.log(`guardians before the last unlinks: ${JSON.stringify(between.body.guardians)}`);
    expect(between.body.guardians).toEqual([
      { guardianUserId: mother.userId, relationship: 'mother', primary: false },
      { guardianUserId: father.userId, relationship: 'father', primary: true },
    ]);
  });

  it("lets a linked guardian (not the minor, not an unlinked parent) read and edit a minor's profile", async () => {
    expectStatus(
      await fleet.call('PATCH', `/profiles/${student.userId}`, { token: admin, body: { birthDate: '2015-05-01' } }),
      204,
    );
    const bySelf = await fleet.call('PATCH', `/profiles/${student.userId}`, {
      token: student.token,
      body: { preferredName: 'Kiddo' },
    });
    const byMother = await fleet.call('PATCH', `/profiles/${student.userId}`, {
      token: mother.token,
      body: { preferredName: 'Mum says' },
    });
    const byFather = await fleet.call('PATCH', `/profiles/${student.userId}`, {
      token: father.token,
      body: { preferredName: 'Kiki' },
    });
    const fresh = { 'x-consistency-token': byFather.headers.get('x-consistency-token') ?? '' };
    const fatherReads = await fleet.call('GET', `/profiles/${student.userId}`, { token: father.token, headers: fresh });
    const motherReads = await fleet.call('GET', `/profiles/${student.userId}`, { token: mother.token, headers: fresh });
    const fatherOwn = await fleet.call('GET', '/profiles/me', { token: father.token, headers: fresh });
    console.log(
      `minor edits own profile: ${outcome(bySelf)}; unlinked mother: ${outcome(byMother)}; linked father: ${outcome(byFather)}; ` +
        `father reads: ${fatherReads.status} ${fatherReads.body.preferredName}; mother reads: ${motherReads.status}; ` +
        `father's guardianOf: ${JSON.stringify(fatherOwn.body.guardianOf)}`,
    );
    expect(outcome(bySelf)).toBe('409 minor-profile-guardian-or-admin-only');
    expect(outcome(byMother)).toBe('409 minor-profile-guardian-or-admin-only');
    expect(outcome(byFather)).toBe('204');
    expect([fatherReads.status, fatherReads.body.preferredName, motherReads.status]).toEqual([200, 'Kiki', 404]);
    expect(fatherOwn.body.guardianOf).toEqual([
      { studentUserId: student.userId, relationship: 'father', primary: true },
    ]);
  });
});
