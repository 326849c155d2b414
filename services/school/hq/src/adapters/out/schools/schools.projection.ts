import { readModel } from '@hexfleet/eventing';
import type { hq } from '@hexfleet/schemas';

type SchoolFacts = Extract<
  hq.HqSchoolV1Event,
  { type: 'SchoolOpened' | 'SchoolClosed' | 'PrincipalAssigned' | 'YearRolledOver' }
>;

/**
 * The schools of each tenant: code, name, time zone, principal, status and the year
 * each is in. Instants stay ISO text: they compare correctly as strings and no driver
 * shifts them. A school's own policy settings are the `hq-policies` model's.
 */
export const schools = readModel<SchoolFacts>({
  name: 'hq-schools',
  topics: ['hq.school.v1'],
  tables: ['schools'],
  migrations: [
    (schema) => `create table ${schema}.schools (
      school_id text primary key,
      code text not null,
      name text not null,
      time_zone text not null,
      status text not null,
      principal_user_id text,
      current_year_id text,
      opened_at text not null,
      closed_at text,
      close_reason text)`,
    (schema) => `create index on ${schema}.schools (code)`,
  ],
  on: {
    async SchoolOpened({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.schools (school_id, code, name, time_zone, status, principal_user_id, opened_at)
         values ($1, $2, $3, $4, 'open', $5, $6) on conflict (school_id) do nothing`,
        [data.schoolId, data.code, data.name, data.timeZone, data.principalUserId, data.openedAt],
      );
    },
    async SchoolClosed({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.schools set status = 'closed', closed_at = $2, close_reason = $3 where school_id = $1`,
        [data.schoolId, data.closedAt, data.reason],
      );
    },
    async PrincipalAssigned({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.schools set principal_user_id = $2 where school_id = $1`, [
        data.schoolId,
        data.principalUserId,
      ]);
    },
    async YearRolledOver({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.schools set current_year_id = $2 where school_id = $1`, [
        data.schoolId,
        data.toYearId,
      ]);
    },
  },
});
