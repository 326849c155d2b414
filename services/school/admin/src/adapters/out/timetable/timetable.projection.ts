import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';

async function insertScheduled(
  events: ReadonlyArray<ConsumedEvent<admin.ClassSessionScheduled>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  for (const { data } of events) {
    await tx.query(
      `insert into ${schema}.class_sessions (session_id, term_id, school_id, year_id, group_id, subject_id,
         subject_name, teacher_user_id, room, room_key, first_date, last_date, weekdays, start_time, end_time)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, upper(trim($9)), $10, $11, $12, $13, $14)
       on conflict (session_id) do nothing`,
      [
        data.sessionId,
        data.termId,
        data.schoolId,
        data.yearId,
        data.groupId,
        data.subjectId,
        data.subjectName,
        data.teacherUserId,
        data.room,
        data.firstDate,
        data.lastDate,
        data.weekdays,
        data.startTime,
        data.endTime,
      ],
    );
  }
}

/**
 * Class sessions as weekly patterns with their cancelled days. Lessons day by day are
 * expanded when read (timetable.adapter.ts): a term's patterns are a few hundred rows,
 * its lessons tens of thousands. Dates are Postgres dates, so the expansion can use
 * generate_series and isodow.
 */
export const timetable = readModel<admin.AdminTimetableV1Event>({
  name: 'admin-timetable',
  topics: ['admin.timetable.v1'],
  tables: ['class_sessions', 'session_cancellations'],
  migrations: [
    (s) => `create table ${s}.class_sessions (
      session_id text primary key, term_id text not null, school_id text not null, year_id text not null,
      group_id text not null, subject_id text not null, subject_name text not null, teacher_user_id text not null,
      room text not null, room_key text not null, first_date date not null, last_date date not null,
      weekdays int[] not null, start_time text not null, end_time text not null,
      cancelled boolean not null default false)`,
    (s) => `create index on ${s}.class_sessions (school_id, term_id)`,
    (s) => `create index on ${s}.class_sessions (group_id, first_date)`,
    (s) => `create index on ${s}.class_sessions (school_id, teacher_user_id, first_date)`,
    (s) => `create index on ${s}.class_sessions (school_id, room_key, first_date)`,
    (s) => `create table ${s}.session_cancellations (
      session_id text not null, date date not null, reason text not null, holiday_event_id text,
      primary key (session_id, date))`,
  ],
  on: {
    ClassSessionScheduled: (event, context) => insertScheduled([event], context),
    async ClassSessionCancelled({ data }, { tx, schema }) {
      if (data.date === null) {
        await tx.query(`update ${schema}.class_sessions set cancelled = true where session_id = $1`, [data.sessionId]);
        return;
      }
      await tx.query(
        `insert into ${schema}.session_cancellations (session_id, date, reason, holiday_event_id)
         values ($1, $2, $3, $4) on conflict do nothing`,
        [data.sessionId, data.date, data.reason, data.holidayEventId],
      );
    },
  },
});
