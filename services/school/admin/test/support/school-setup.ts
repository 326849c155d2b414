import { randomUUID } from 'node:crypto';
import type { DevIssuer, Reply } from '@hexfleet/testing';
import type { AdminHarness } from './admin-harness';

/** Fails with the problem's body, which says why, instead of a bare status mismatch. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

export const GUARDIAN = { name: 'Asha Rao', relationship: 'mother', email: 'asha@example.com', primary: true };

/** A school admin of one school as identity's token says it: the role, granted over that school. */
export const schoolAdminOf = (tenant: string, schoolId: string) => ({
  tenant,
  roles: ['school-admin'],
  grants: [{ role: 'school-admin', scopeType: 'school', scopeId: schoolId }],
});

/** A school as its admin sets it up over HTTP: a year with a term, subjects, groups, students. */
export class SchoolSetup {
  /** A new school of `tenant`, and a token of its admin from `issuer` (the service's own by default). */
  static async of(service: AdminHarness, tenant: string, issuer: DevIssuer = service.issuer): Promise<SchoolSetup> {
    const schoolId = randomUUID();
    return new SchoolSetup(service, await issuer.mint(schoolAdminOf(tenant, schoolId)), schoolId);
  }

  readonly schoolId: string;
  yearId = '';
  termId = '';
  /** The last write of `post`: its consistency token is what a read after it sends. */
  lastWrite!: Reply;

  constructor(
    private readonly service: AdminHarness,
    readonly token: string,
    schoolId: string = randomUUID(),
  ) {
    this.schoolId = schoolId;
  }

  post(path: string, body: object, status = 201): Promise<Reply> {
    return this.service
      .call('POST', path, { token: this.token, body })
      .then((r) => (this.lastWrite = expectStatus(r, status)));
  }

  /** Year 2026-04-01..2027-03-31 with Term 1 to 2026-09-30. */
  async calendar(): Promise<this> {
    const school = `/schools/${this.schoolId}`;
    const year = await this.post(`${school}/academic-years`, {
      name: '2026-27',
      startDate: '2026-04-01',
      endDate: '2027-03-31',
    });
    this.yearId = String(year.body.yearId);
    const term = await this.post(`${school}/academic-years/${this.yearId}/terms`, {
      name: 'Term 1',
      startDate: '2026-04-01',
      endDate: '2026-09-30',
    });
    this.termId = String(term.body.termId);
    return this;
  }

  async subject(code: string, name = code): Promise<string> {
    return String((await this.post(`/schools/${this.schoolId}/subjects`, { code, name })).body.subjectId);
  }

  async group(grade: string, section: string, capacity = 40): Promise<string> {
    const body = { yearId: this.yearId, grade, section, capacity };
    return String((await this.post(`/schools/${this.schoolId}/groups`, body)).body.groupId);
  }

  async admit(admissionNumber: string, firstName = 'Meera', guardians: object[] = [GUARDIAN]): Promise<string> {
    const body = {
      admissionNumber,
      firstName,
      lastName: 'Rao',
      birthDate: '2015-06-14',
      guardians,
      admittedOn: '2026-03-01',
    };
    return String((await this.post(`/schools/${this.schoolId}/students`, body)).body.studentId);
  }

  enrol(studentId: string, groupId: string | null, rollNumber?: number): Promise<Reply> {
    const body = { yearId: this.yearId, enrolledOn: '2026-04-01', groupId, rollNumber };
    return this.service.call('POST', `/students/${studentId}/enrolment`, { token: this.token, body });
  }

  async teach(groupId: string, subjectId: string | null, teacherUserId: string, teacherName = 'Kiran Shah') {
    await this.post(`/groups/${groupId}/teachers`, { subjectId, teacherUserId, teacherName }, 204);
  }

  schedule(body: object): Promise<Reply> {
    const path = `/schools/${this.schoolId}/terms/${this.termId}/sessions`;
    return this.service.call('POST', path, { token: this.token, body });
  }

  /**
   * A read that sends a write's consistency token back: the service waits (up to 3 s) until
   * the read model has applied the write, and says `fresh`. A busy machine may need another try.
   * The token speaks for the written stream only: a read that also needs another stream's read
   * model (a group's timetable needs the group) may answer 404 while that one catches up (seen
   * once in CI), so a 404 is read again too.
   */
  async readAfter(write: Reply, path: string, token = this.token): Promise<Reply> {
    const headers = { 'x-consistency-token': write.headers.get('x-consistency-token') ?? '' };
    let reply = await this.service.call('GET', path, { token, headers });
    for (
      let tries = 1;
      (reply.headers.get('x-consistency') === 'stale' || reply.status === 404) && tries < 20;
      tries++
    ) {
      if (reply.status === 404) await new Promise((resolve) => setTimeout(resolve, 250));
      reply = await this.service.call('GET', path, { token, headers });
    }
    expect([reply.status, reply.headers.get('x-consistency')]).toEqual([200, 'fresh']);
    return reply;
  }
}
