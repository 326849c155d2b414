import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';

const groupCount = ({ tx, schema }: ProjectionContext, groupId: string, delta: 1 | -1) =>
  tx.query(`update ${schema}.groups set members = members + $2 where group_id = $1`, [groupId, delta]);

/**
 * A school's structure: years and terms, subjects, groups with how many students they
 * hold and who teaches them. Dates are YYYY-MM-DD text (school days), instants ISO text.
 */
export const structure = readModel<admin.AdminCalendarV1Event | admin.AdminSubjectV1Event | admin.AdminGroupV1Event>({
  name: 'admin-structure',
  topics: ['admin.calendar.v1', 'admin.subject.v1', 'admin.group.v1'],
  tables: ['years', 'terms', 'subjects', 'groups', 'group_teachers'],
  migrations: [
    (s) => `create table ${s}.years (
      year_id text primary key, school_id text not null, name text not null,
      start_date text not null, end_date text not null, template_id text)`,
    (s) => `create index on ${s}.years (school_id, start_date)`,
    (s) => `create table ${s}.terms (
      term_id text primary key, year_id text not null, school_id text not null, name text not null,
      start_date text not null, end_date text not null)`,
    (s) => `create index on ${s}.terms (year_id, start_date)`,
    (s) => `create table ${s}.subjects (
      subject_id text primary key, school_id text not null, code text not null, name text not null)`,
    (s) => `create index on ${s}.subjects (school_id, code)`,
    (s) => `create table ${s}.groups (
      group_id text primary key, school_id text not null, year_id text not null, grade text not null,
      section text not null, name text not null, capacity int not null, members int not null default 0)`,
    (s) => `create index on ${s}.groups (school_id, year_id, grade, section)`,
    // subject_id '' is the class teacher: a key column cannot be null.
    (s) => `create table ${s}.group_teachers (
      group_id text not null, subject_id text not null, subject_name text, teacher_user_id text not null,
      teacher_name text not null, teacher_email text, assigned_at text not null, primary key (group_id, subject_id))`,
  ],
  on: {
    async AcademicYearOpened({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.years (year_id, school_id, name, start_date, end_date, template_id)
         values ($1, $2, $3, $4, $5, $6) on conflict (year_id) do nothing`,
        [data.yearId, data.schoolId, data.name, data.startDate, data.endDate, data.templateId],
      );
    },
    async TermDefined({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.terms (term_id, year_id, school_id, name, start_date, end_date)
         values ($1, $2, $3, $4, $5, $6) on conflict (term_id) do nothing`,
        [data.termId, data.yearId, data.schoolId, data.name, data.startDate, data.endDate],
      );
    },
    async SubjectDefined({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.subjects (subject_id, school_id, code, name) values ($1, $2, $3, $4)
         on conflict (subject_id) do nothing`,
        [data.subjectId, data.schoolId, data.code, data.name],
      );
    },
    async GroupCreated({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.groups (group_id, school_id, year_id, grade, section, name, capacity)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (group_id) do nothing`,
        [data.groupId, data.schoolId, data.yearId, data.grade, data.section, data.name, data.capacity],
      );
    },
    async GroupCapacityChanged({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.groups set capacity = $2 where group_id = $1`, [data.groupId, data.capacity]);
    },
    StudentAddedToGroup: ({ data }, context) => groupCount(context, data.groupId, 1).then(() => undefined),
    StudentRemovedFromGroup: ({ data }, context) => groupCount(context, data.groupId, -1).then(() => undefined),
    async TeacherAssigned({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.group_teachers
           (group_id, subject_id, subject_name, teacher_user_id, teacher_name, teacher_email, assigned_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (group_id, subject_id) do update set subject_name = excluded.subject_name,
           teacher_user_id = excluded.teacher_user_id, teacher_name = excluded.teacher_name,
           teacher_email = excluded.teacher_email, assigned_at = excluded.assigned_at`,
        [
          data.groupId,
          data.subjectId ?? '',
          data.subjectName,
          data.teacherUserId,
          data.teacherName,
          data.teacherEmail,
          data.assignedAt,
        ],
      );
    },
  },
  // An import adds many students to a few groups in a row: one update per group.
  batch: {
    async StudentAddedToGroup(events, { tx, schema }) {
      await tx.query(
        `update ${schema}.groups g set members = g.members + n.added
         from (select id, count(*)::int as added from unnest($1::text[]) id group by id) n where g.group_id = n.id`,
        [events.map((e) => e.data.groupId)],
      );
    },
  },
});
