import { readModel } from '@hexfleet/eventing';
import type { attendance } from '@hexfleet/schemas';

type Fed =
  | attendance.AttendanceClassSessionV1Event
  | Extract<attendance.AttendanceSchoolV1Event, { type: 'HolidayNoted' }>
  | attendance.AttendanceRegisterV1Event;

/**
 * The lessons of each day and what their registers hold: sessions with their cancellations and
 * the schools' holidays (a day's list is computed from them, so a register needs no row before
 * it is marked), registers and one record per student per register (reports). Dates and
 * instants stay ISO text: they compare correctly as strings.
 */
export const registers = readModel<Fed>({
  name: 'attendance-registers',
  topics: ['attendance.class-session.v1', 'attendance.school.v1', 'attendance.register.v1'],
  tables: ['sessions', 'cancellations', 'holidays', 'registers', 'records'],
  migrations: [
    (schema) => `create table ${schema}.sessions (
      session_id text primary key, school_id text not null, group_id text not null, subject_name text not null,
      teacher_user_id text not null, room text not null, first_date text not null, last_date text not null,
      weekdays int[] not null, start_time text not null, end_time text not null,
      cancelled_from text, cancelled_reason text)`,
    (schema) => `create index on ${schema}.sessions (teacher_user_id, first_date)`,
    (schema) => `create index on ${schema}.sessions (group_id, first_date)`,
    (schema) => `create table ${schema}.cancellations (
      session_id text not null, date text not null, reason text not null, primary key (session_id, date))`,
    (schema) => `create table ${schema}.holidays (
      school_id text not null, holiday_event_id text not null, name text not null,
      start_date text not null, end_date text not null, primary key (school_id, holiday_event_id))`,
    (schema) => `create table ${schema}.registers (
      register_id text primary key, session_id text not null, date text not null, school_id text not null,
      group_id text not null, status text not null, marked int not null)`,
    (schema) => `create unique index on ${schema}.registers (session_id, date)`,
    (schema) => `create table ${schema}.records (
      register_id text not null, student_id text not null, school_id text not null, group_id text not null,
      date text not null, code text not null, meaning text not null, original_code text,
      corrected boolean not null, withdrawn boolean not null, primary key (register_id, student_id))`,
    (schema) => `create index on ${schema}.records (student_id, date)`,
    (schema) => `create index on ${schema}.records (group_id, date)`,
    (schema) => `create index on ${schema}.records (school_id, date)`,
  ],
  on: {
    async ClassSessionNoted({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.sessions (session_id, school_id, group_id, subject_name, teacher_user_id, room,
           first_date, last_date, weekdays, start_time, end_time)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (session_id) do nothing`,
        [
          d.sessionId,
          d.schoolId,
          d.groupId,
          d.subjectName,
          d.teacherUserId,
          d.room,
          d.firstDate,
          d.lastDate,
          d.weekdays,
          d.startTime,
          d.endTime,
        ],
      );
    },
    async ClassSessionCancellationNoted({ data: d }, { tx, schema }) {
      if (d.date === null) {
        await tx.query(
          `update ${schema}.sessions set cancelled_from = $2, cancelled_reason = $3 where session_id = $1`,
          [d.sessionId, d.cancelledAt.slice(0, 10), d.reason],
        );
        return;
      }
      await tx.query(
        `insert into ${schema}.cancellations (session_id, date, reason) values ($1, $2, $3) on conflict do nothing`,
        [d.sessionId, d.date, d.reason],
      );
    },
    async HolidayNoted({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.holidays (school_id, holiday_event_id, name, start_date, end_date)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [d.schoolId, d.holidayEventId, d.name, d.startDate, d.endDate],
      );
    },
    async AttendanceMarked({ data: d }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.registers (register_id, session_id, date, school_id, group_id, status, marked)
         values ($1, $2, $3, $4, $5, 'partial', $6)
         on conflict (register_id) do update set marked = ${schema}.registers.marked + excluded.marked`,
        [d.registerId, d.sessionId, d.date, d.schoolId, d.groupId, d.marks.length],
      );
      await tx.query(
        `insert into ${schema}.records (register_id, student_id, school_id, group_id, date, code, meaning,
           original_code, corrected, withdrawn)
         select $1, s, $2, $3, $4, c, m, c, false, false from unnest($5::text[], $6::text[], $7::text[]) as u(s, c, m)
         on conflict do nothing`,
        [
          d.registerId,
          d.schoolId,
          d.groupId,
          d.date,
          d.marks.map((m) => m.studentId),
          d.marks.map((m) => m.code),
          d.marks.map((m) => m.meaning),
        ],
      );
    },
    async RegisterCompleted({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.registers set status = 'taken' where register_id = $1`, [d.registerId]);
    },
    async AttendanceCorrected({ data: d }, { tx, schema }) {
      const added = d.previousCode === null ? 1 : 0;
      await tx.query(
        `insert into ${schema}.registers (register_id, session_id, date, school_id, group_id, status, marked)
         values ($1, $2, $3, $4, $5, 'partial', $6)
         on conflict (register_id) do update set marked = ${schema}.registers.marked + excluded.marked`,
        [d.registerId, d.sessionId, d.date, d.schoolId, d.groupId, added],
      );
      await tx.query(
        `insert into ${schema}.records (register_id, student_id, school_id, group_id, date, code, meaning,
           original_code, corrected, withdrawn)
         values ($1, $2, $3, $4, $5, $6, $7, $8, true, false)
         on conflict (register_id, student_id) do update set code = excluded.code, meaning = excluded.meaning,
           corrected = true`,
        [d.registerId, d.studentId, d.schoolId, d.groupId, d.date, d.code, d.meaning, d.previousCode],
      );
    },
    async RegisterWithdrawn({ data: d }, { tx, schema }) {
      await tx.query(`update ${schema}.registers set status = 'withdrawn' where register_id = $1`, [d.registerId]);
      await tx.query(`update ${schema}.records set withdrawn = true where register_id = $1`, [d.registerId]);
    },
  },
});
