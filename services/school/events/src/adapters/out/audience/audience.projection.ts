import { readModel } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';

type MembershipEvents = Extract<admin.AdminGroupV1Event, { type: 'StudentAddedToGroup' | 'StudentRemovedFromGroup' }>;

/**
 * Who is in which group of which school, for event audiences (ADR 0048): one row per group and
 * student, from Admin's group topic alone. Enrolment, a move, a promotion and a withdrawal each
 * append StudentAddedToGroup / StudentRemovedFromGroup to the groups concerned in the same commit
 * as the student's own event (ADR 0041), so admin.student.v1 would only repeat these facts.
 *
 * A removal keeps its row (`member` false) with the group stream's version: a change applies only
 * over an older one, so neither a redelivery nor an add that arrives after a later removal puts
 * the student back. Students are keyed by their Admin id, which is their user id (ADR 0043).
 */
export const audience = readModel<MembershipEvents>({
  name: 'school-audiences',
  topics: ['admin.group.v1'],
  tables: ['group_members'],
  migrations: [
    (schema) => `create table ${schema}.group_members (
      group_id text not null, student_id text not null, school_id text not null, year_id text not null,
      roll_number int, admission_number text, first_name text, last_name text,
      member boolean not null, version int not null, changed_at text not null,
      primary key (group_id, student_id))`,
    (schema) => `create index on ${schema}.group_members (student_id) where member`,
    (schema) => `create index on ${schema}.group_members (school_id, group_id, roll_number) where member`,
  ],
  on: {
    async StudentAddedToGroup({ data, streamVersion }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.group_members as m (group_id, student_id, school_id, year_id, roll_number,
           admission_number, first_name, last_name, member, version, changed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10)
         on conflict (group_id, student_id) do update set school_id = excluded.school_id,
           year_id = excluded.year_id, roll_number = excluded.roll_number,
           admission_number = excluded.admission_number, first_name = excluded.first_name,
           last_name = excluded.last_name, member = true, version = excluded.version, changed_at = excluded.changed_at
         where m.version < excluded.version`,
        [
          data.groupId,
          data.studentId,
          data.schoolId,
          data.yearId,
          data.rollNumber,
          data.admissionNumber,
          data.firstName,
          data.lastName,
          streamVersion,
          data.addedAt,
        ],
      );
    },
    async StudentRemovedFromGroup({ data, streamVersion }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.group_members as m (group_id, student_id, school_id, year_id, member, version, changed_at)
         values ($1, $2, $3, $4, false, $5, $6)
         on conflict (group_id, student_id) do update set member = false, version = excluded.version,
           changed_at = excluded.changed_at
         where m.version < excluded.version`,
        [data.groupId, data.studentId, data.schoolId, data.yearId, streamVersion, data.removedAt],
      );
    },
  },
});
