import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { admin } from '@hexfleet/schemas';
import { callService, eventually, startSeparateService } from '@hexfleet/testing';
import type { Reply, SeparateService } from '@hexfleet/testing';
import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { expectStatus } from './support/people';

/**
 * Flow 4's accounts, end to end (ADR 0043, 0046, 0047): Admin's StudentEnrolled from a stand-in
 * outbox; identity as deployed (its own process, database and dev mailbox) invites the student
 * and guardians and records the guardianships; profile (in-process) links them and shows the
 * admission number and class. Identity signs with the test issuer's key, so profile trusts it.
 */
describe('flow 4: an enrolment reaches identity and profile', () => {
  let fleet: ProfileFleet;
  let identity: SeparateService;
  const operatorKey = randomBytes(24).toString('base64url');
  const mailbox = mkdtempSync(path.join(tmpdir(), 'flow4-mail-'));

  beforeAll(async () => {
    fleet = await startProfileFleet();
    identity = await startSeparateService('services/shared/identity', fleet.issuer, {
      env: {
        SIGNING_KEY_JWK: fleet.issuer.signingKeyJwk,
        JWKS_JSON: '',
        OPERATOR_KEY: operatorKey,
        TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        MAILBOX_DIR: mailbox,
        ADMIN_POLICIES: 'on',
      },
    });
  });
  afterAll(async () => {
    await identity?.stop();
    await fleet?.close();
    rmSync(mailbox, { recursive: true, force: true });
  });

  const id = (
    method: string,
    route: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => callService(identity.url, method, route, options);
  const invitation = async (email: string) => {
    let token = '';
    await eventually(
      async () => {
        const mails = (await id('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`)).body as unknown as Array<{
          purpose: string;
          token: string | null;
        }>;
        token = mails.find((m) => m.purpose === 'invitation')?.token ?? '';
        return token !== '';
      },
      { what: `an invitation to ${email}`, timeoutMs: 60_000 },
    );
    return token;
  };
  /** Accepts the invitation and signs in: the account's access token. */
  const signIn = async (tenant: string, email: string) => {
    const password = 'correct horse battery staple';
    expectStatus(
      await id('POST', '/auth/invitations/accept', { body: { tenant, token: await invitation(email), password } }),
      204,
    );
    return String(
      expectStatus(await id('POST', '/auth/login', { body: { tenant, email, password } }), 200).accessToken,
    );
  };
  const subject = (token: string) => String(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub);

  it("invites the student and guardians, and the student's profile shows admission number, class and guardian links", async () => {
    const tenant = uniqueTenant('flo');
    const adminEmail = `admin@${tenant}.example`;
    const provisioned = await id('POST', '/tenants', {
      headers: { 'x-operator-key': operatorKey },
      body: {
        slug: tenant,
        name: `School group ${tenant}`,
        product: 'school',
        admin: { email: adminEmail, displayName: 'HQ' },
      },
    });
    expectStatus(provisioned, 201);
    const school = randomUUID();
    const group = randomUUID();
    const student = randomUUID();
    const [kid, mum, dad] = ['kid', 'mum', 'dad'].map((who) => `${who}@${tenant}.example`);
    await fleet.admin.append(
      tenant,
      'group',
      group,
      admin.groupCreated({
        groupId: group,
        schoolId: school,
        yearId: randomUUID(),
        grade: '3',
        section: 'C',
        name: 'Grade 3 C',
        capacity: 30,
        createdAt: new Date().toISOString(),
      }),
    );
    await fleet.admin.append(
      tenant,
      'student',
      student,
      admin.studentEnrolled({
        studentId: student,
        schoolId: school,
        yearId: randomUUID(),
        groupId: group,
        rollNumber: 7,
        admissionNumber: 'ADM-0007',
        firstName: 'Asha',
        lastName: 'Iyer',
        birthDate: '2017-01-20',
        email: kid,
        guardians: [
          { name: 'Dev Iyer', relationship: 'father', email: dad, phone: null, primary: false },
          { name: 'Uma Iyer', relationship: 'mother', email: mum, phone: null, primary: true },
        ],
        enrolledOn: '2026-06-01',
        enrolledAt: new Date().toISOString(),
      }),
    );

    const [kidToken, mumToken, dadToken] = [
      await signIn(tenant, kid),
      await signIn(tenant, mum),
      await signIn(tenant, dad),
    ];
    expect(subject(kidToken)).toBe(student);
    const [mumId, dadId] = [subject(mumToken), subject(dadToken)];

    let profile: Reply['body'] = {};
    await eventually(
      async () => {
        const reply = await fleet.call('GET', '/profiles/me', { token: kidToken });
        profile = reply.body;
        return (
          reply.status === 200 &&
          Array.isArray(profile.guardians) &&
          profile.guardians.length === 2 &&
          profile.className !== null
        );
      },
      { what: "the student's profile with two guardians and a class", timeoutMs: 60_000 },
    );
    const links = (profile.guardians as Array<{ guardianUserId: string; relationship: string; primary: boolean }>)
      .map(({ guardianUserId, relationship, primary }) => ({ guardianUserId, relationship, primary }))
      .sort((a, b) => a.relationship.localeCompare(b.relationship));
    console.log(
      `flow 4: student ${student} profile ${JSON.stringify({ admissionNumber: profile.admissionNumber, className: profile.className, links })}`,
    );
    expect(profile).toMatchObject({
      userId: student,
      studentId: student,
      admissionNumber: 'ADM-0007',
      className: 'Grade 3 C',
    });
    expect(links).toEqual([
      { guardianUserId: dadId, relationship: 'father', primary: false },
      { guardianUserId: mumId, relationship: 'mother', primary: true },
    ]);
    // The mother reads her child's profile as a linked guardian.
    expectStatus(await fleet.call('GET', `/profiles/${student}`, { token: mumToken }), 200);
  });
});
