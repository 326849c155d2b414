import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';

type Membership = Extract<admin.AdminGroupV1Event, { type: 'StudentAddedToGroup' | 'StudentRemovedFromGroup' }>;

const STUDENT_COLUMNS = `student_id, school_id, admission_number, first_name, last_name, birth_date, gender, email,
  guardians, status, admitted_on`;

/** Admissions, many at once (an import): one insert with an array per column. */
async function insertAdmitted(
  events: ReadonlyArray<ConsumedEvent<admin.StudentAdmitted>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  const column = <T>(pick: (d: admin.StudentAdmittedData) => T) => events.map((e) => pick(e.data));
  await tx.query(
    `insert into ${schema}.students (${STUDENT_COLUMNS})
     select s, sc, an, fn, ln, bd, g, em, gu::jsonb, 'admitted', ao
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[]) as u(s, sc, an, fn, ln, bd, g, em, gu, ao)
     on conflict (student_id) do nothing`,
    [
      column((d) => d.studentId),
      column((d) => d.schoolId),
      column((d) => d.admissionNumber),
      column((d) => d.firstName),
      column((d) => d.lastName),
      column((d) => d.birthDate),
      column((d) => d.gender),
      column((d) => d.email),
      column((d) => JSON.stringify(d.guardians)),
      column((d) => d.admittedOn),
    ],
  );
}

/** Enrolments, many at once: one update joined to the arrays. */
async function markEnrolled(
  events: ReadonlyArray<ConsumedEvent<admin.StudentEnrolled>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  await tx.query(
    `update ${schema}.students s set status = 'enrolled', year_id = u.y, group_id = u.g, roll_number = u.r,
       enrolled_on = u.o
     from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) as u(id, y, g, r, o)
     where s.student_id = u.id`,
    [
      events.map((e) => e.data.studentId),
      events.map((e) => e.data.yearId),
      events.map((e) => e.data.groupId),
      events.map((e) => e.data.rollNumber),
      events.map((e) => e.data.enrolledOn),
    ],
  );
}

async function addMembers(
  events: ReadonlyArray<ConsumedEvent<admin.StudentAddedToGroup>>,
  { tx, schema }: ProjectionContext,
) {
  const column = <T>(pick: (d: admin.StudentAddedToGroupData) => T) => events.map((e) => pick(e.data));
  await tx.query(
    `insert into ${schema}.group_members (group_id, student_id, roll_number, admission_number, first_name,
       last_name, added_at)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
     on conflict (group_id, student_id) do nothing`,
    [
      column((d) => d.groupId),
      column((d) => d.studentId),
      column((d) => d.rollNumber),
      column((d) => d.admissionNumber),
      column((d) => d.firstName),
      column((d) => d.lastName),
      column((d) => d.addedAt),
    ],
  );
}

const placeStudent = ({ tx, schema }: ProjectionContext, studentId: string, set: string, values: unknown[]) =>
  tx.query(`update ${schema}.students set ${set} where student_id = $1`, [studentId, ...values]);

/**
 * Students (the record, where they are enrolled) and the groups' lists (who holds which
 * roll number). The lists come from the group topic, whose events carry the names they
 * show, so a list never waits on the student topic.
 */
export const roster = readModel<admin.AdminStudentV1Event | Membership>({
  name: 'admin-roster',
  topics: ['admin.student.v1', 'admin.group.v1'],
  tables: ['students', 'group_members'],
  migrations: [
    (s) => `create table ${s}.students (
      student_id text primary key, school_id text not null, admission_number text not null,
      first_name text not null, last_name text not null, birth_date text not null, gender text, email text,
      guardians jsonb not null, status text not null, year_id text, group_id text, roll_number int,
      admitted_on text not null, enrolled_on text, withdrawn_on text)`,
    (s) => `create index on ${s}.students (school_id, last_name, first_name)`,
    (s) => `create table ${s}.group_members (
      group_id text not null, student_id text not null, roll_number int not null, admission_number text not null,
      first_name text not null, last_name text not null, added_at text not null, primary key (group_id, student_id))`,
  ],
  on: {
    StudentAdmitted: (event, context) => insertAdmitted([event], context),
    StudentEnrolled: (event, context) => markEnrolled([event], context),
    async StudentGroupChanged({ data }, context) {
      await placeStudent(context, data.studentId, 'group_id = $2, roll_number = $3', [data.toGroupId, data.rollNumber]);
    },
    async StudentPromoted({ data }, context) {
      await placeStudent(context, data.studentId, 'year_id = $2, group_id = $3, roll_number = $4', [
        data.toYearId,
        data.toGroupId,
        data.rollNumber,
      ]);
    },
    async StudentWithdrawn({ data }, context) {
      await placeStudent(
        context,
        data.studentId,
        `status = 'withdrawn', withdrawn_on = $2, group_id = null, roll_number = null`,
        [data.withdrawnOn],
      );
    },
    StudentAddedToGroup: (event, context) => addMembers([event], context),
    async StudentRemovedFromGroup({ data }, { tx, schema }) {
      await tx.query(`delete from ${schema}.group_members where group_id = $1 and student_id = $2`, [
        data.groupId,
        data.studentId,
      ]);
    },
  },
  batch: { StudentAdmitted: insertAdmitted, StudentEnrolled: markEnrolled, StudentAddedToGroup: addMembers },
});
