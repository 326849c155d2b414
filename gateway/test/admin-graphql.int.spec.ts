import { randomBytes, randomUUID } from 'node:crypto';
import { Fleet, graphql, GraphqlReply, startFleet } from './support/fleet';

const tenant = `gqa${randomBytes(4).toString('hex')}`;
const school = randomUUID();

const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

const OPEN_YEAR = `mutation ($s: ID!, $input: SchoolYearInput!) { openSchoolYear(schoolId: $s, input: $input) { id } }`;
const DEFINE_TERM = `mutation ($s: ID!, $y: ID!, $input: SchoolYearInput!) {
  defineSchoolTerm(schoolId: $s, yearId: $y, input: $input) { id } }`;
const CREATE_GROUP = `mutation ($s: ID!, $input: StudentGroupInput!) { createStudentGroup(schoolId: $s, input: $input) { id } }`;
const ADMIT = `mutation ($s: ID!, $input: AdmitStudentInput!) { admitStudent(schoolId: $s, input: $input) { id } }`;
const ENROL = `mutation ($id: ID!, $input: EnrolStudentInput!) { enrolStudent(studentId: $id, input: $input) { consistencyToken } }`;

/** Admin over GraphQL only: a school year set up, a student admitted and enrolled, the group list read fresh. */
describe('Admin through the gateway’s GraphQL', () => {
  let fleet: Fleet;
  let token: string;
  const send = async (query: string, variables?: Record<string, unknown>) =>
    dataOf(await graphql(fleet.url, query, { token, variables }));

  beforeAll(async () => {
    fleet = await startFleet({ admin: 'services/school/admin' });
    token = await fleet.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: school }],
    });
  });
  afterAll(() => fleet?.stop());

  it('sets up a year, enrols a student into a group, and reads the list with the enrolment’s token', async () => {
    const year = { name: '2026-27', startDate: '2026-04-01', endDate: '2027-03-31' };
    const yearId = ((await send(OPEN_YEAR, { s: school, input: year })).openSchoolYear as { id: string }).id;
    const term = { name: 'Term 1', startDate: '2026-04-01', endDate: '2026-09-30' };
    await send(DEFINE_TERM, { s: school, y: yearId, input: term });
    const group = { yearId, grade: '4', section: 'A', capacity: 1 };
    const groupId = ((await send(CREATE_GROUP, { s: school, input: group })).createStudentGroup as { id: string }).id;
    const admit = (admissionNumber: string, firstName: string) =>
      send(ADMIT, {
        s: school,
        input: {
          admissionNumber,
          firstName,
          birthDate: '2016-01-20',
          admittedOn: '2026-03-01',
          guardians: [{ name: 'Lata Iyer', relationship: 'mother', phone: '+91 90000 11111', primary: true }],
        },
      }).then((d) => (d.admitStudent as { id: string }).id);
    const [first, second] = [await admit('G-1', 'Nila'), await admit('G-2', 'Tara')];
    const enrolment = { yearId, enrolledOn: '2026-04-01', groupId };
    const enrolled = (await send(ENROL, { id: first, input: enrolment })).enrolStudent as { consistencyToken: string };

    const list = await graphql(
      fleet.url,
      `
        query ($g: ID!) {
          groupMembers(groupId: $g) {
            rollNumber
            firstName
          }
        }
      `,
      {
        token,
        variables: { g: groupId },
        headers: { 'x-consistency-token': enrolled.consistencyToken },
      },
    );
    expect(dataOf(list).groupMembers).toEqual([{ rollNumber: 1, firstName: 'Nila' }]);
    expect(list.body).toMatchObject({ extensions: { consistency: 'fresh' } });

    // The group's, a teacher's and a room's timetables take their days beside the other arguments.
    const spanned = await graphql(
      fleet.url,
      `
        query ($s: ID!, $g: ID!, $t: ID!) {
          groupTimetable(groupId: $g, from: "2026-04-06", to: "2026-04-10") {
            date
          }
          teacherTimetable(schoolId: $s, teacherUserId: $t, from: "2026-04-06", to: "2026-04-10") {
            date
          }
          roomTimetable(schoolId: $s, room: "R-1", from: "2026-04-06", to: "2026-04-10") {
            date
          }
        }
      `,
      { token, variables: { s: school, g: groupId, t: randomUUID() } },
    );
    expect(dataOf(spanned)).toEqual({ groupTimetable: [], teacherTimetable: [], roomTimetable: [] });

    // A domain refusal keeps its code; a malformed argument is named, never a 500.
    const full = await graphql(fleet.url, ENROL, { token, variables: { id: second, input: enrolment } });
    expect(full.body.errors?.[0].extensions).toMatchObject({ code: 'group-full', status: 409, module: 'admin' });
    const malformed = await graphql(fleet.url, ENROL, {
      token,
      variables: { id: second, input: { ...enrolment, enrolledOn: '2026-02-30' } },
    });
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.body.errors?.[0].extensions).toMatchObject({
      code: 'validation-failed',
      errors: [expect.objectContaining({ field: 'enrolledOn' })],
    });

    // A CSV import over GraphQL: the formula in a name is refused by line and column, the rest admitted.
    const csv = [
      'admission_number,first_name,birth_date,grade,section,guardian_name,guardian_relationship,guardian_phone',
      'G-9,Isha,2016-05-05,4,B,Lata Iyer,mother,+91 90000 22222',
      'G-10,=HYPERLINK("http://x"),2016-05-05,4,B,Lata Iyer,mother,+91 90000 33333',
    ].join('\n');
    await send(CREATE_GROUP, { s: school, input: { yearId, grade: '4', section: 'B', capacity: 10 } });
    const { importStudents } = await send(
      `mutation ($s: ID!, $input: ImportStudentsInput!) { importStudents(schoolId: $s, input: $input) { importId rows } }`,
      { s: school, input: { yearId, enrolledOn: '2026-04-01', fileName: 'b.csv', csv } },
    );
    const { importId, rows } = importStudents as { importId: string; rows: number };
    expect(rows).toBe(2);
    interface Report {
      status: string;
      admitted: number;
      errors: Array<{ line: number; field: string; code: string }>;
    }
    const reportOf = async () =>
      (
        await send(`query ($id: ID!) { studentImport(importId: $id) { status admitted errors { line field code } } }`, {
          id: importId,
        })
      ).studentImport as Report | null;
    let report = await reportOf();
    for (let tries = 0; tries < 100 && report?.status !== 'completed'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = await reportOf();
    }
    expect(report).toEqual({
      status: 'completed',
      admitted: 1,
      errors: [{ line: 3, field: 'first_name', code: 'formula-like-text' }],
    });

    // Another school's admin finds nothing of this one.
    const other = await fleet.issuer.mint({
      tenant,
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: randomUUID() }],
    });
    const hidden = await graphql(
      fleet.url,
      `
        query ($g: ID!) {
          studentGroup(groupId: $g) {
            name
          }
        }
      `,
      {
        token: other,
        variables: { g: groupId },
      },
    );
    expect(dataOf(hidden).studentGroup).toBeNull();
  });
});
