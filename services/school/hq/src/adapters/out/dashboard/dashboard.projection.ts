import { readModel } from '@hexfleet/eventing';
import type { admin, attendance, events, libraries } from '@hexfleet/schemas';

type DashboardEvents =
  | Extract<
      attendance.AttendanceRegisterV1Event,
      { type: 'AttendanceMarked' | 'AttendanceCorrected' | 'RegisterWithdrawn' }
    >
  | Extract<attendance.AttendanceStudentV1Event, { type: 'StudentAbsent' }>
  | Extract<libraries.LibrariesLoanV1Event, { type: 'LoanOverdue' }>
  | Extract<admin.AdminStudentV1Event, { type: 'StudentEnrolled' | 'StudentWithdrawn' }>
  | Extract<
      events.EventsEventV1Event,
      { type: 'EventScheduled' | 'EventRescheduled' | 'EventPublished' | 'EventCancelled' }
    >;

/**
 * What the consolidated dashboards count, per school and day, from other modules' events:
 * each loan reported overdue on a day (libraries' job reports a loan once per day it is
 * overdue), and each calendar event with its first day and whether it is published and
 * still on; each enrolment (one per student and year) on its first day and each withdrawal on the
 * last day at school, from Admin. From Attendance (ADR 0053): each register's records counted by
 * how they count (attended, absent, excused), kept by corrections (which carry the previous
 * meaning) and left out once the register is withdrawn; and each student's absence
 * (StudentAbsent) on a register, cleared while a correction says otherwise.
 */
const ATTENDED = ['present', 'late', 'left-early'];
/** The column a record of this meaning adds to; null for one the rate ignores (an unknown meaning). */
const column = (meaning: string | null): 'attended' | 'absent' | 'excused' | null =>
  meaning === null
    ? null
    : ATTENDED.includes(meaning)
      ? 'attended'
      : meaning === 'absent' || meaning === 'excused'
        ? meaning
        : null;

export const dashboard = readModel<DashboardEvents>({
  name: 'hq-dashboard',
  topics: [
    'libraries.loan.v1',
    'events.event.v1',
    'admin.student.v1',
    'attendance.register.v1',
    'attendance.student.v1',
  ],
  tables: ['overdue_loans', 'school_events', 'enrolments', 'withdrawals', 'attendance_registers', 'absences'],
  migrations: [
    (schema) => `create table ${schema}.overdue_loans (
      school_id text not null, day text not null, loan_id text not null, primary key (school_id, day, loan_id))`,
    (schema) => `create table ${schema}.school_events (
      event_id text primary key, school_id text not null, start_date text not null,
      published boolean not null, cancelled boolean not null)`,
    (schema) => `create index on ${schema}.school_events (school_id, start_date)`,
    (schema) => `create table ${schema}.enrolments (
      student_id text not null, year_id text not null, school_id text not null, group_id text, day text not null,
      primary key (student_id, year_id))`,
    (schema) => `create index on ${schema}.enrolments (school_id, day)`,
    (schema) => `create table ${schema}.withdrawals (
      student_id text not null, day text not null, school_id text not null, primary key (student_id, day))`,
    (schema) => `create index on ${schema}.withdrawals (school_id, day)`,
    (schema) => `create table ${schema}.attendance_registers (
      register_id text primary key, school_id text not null, day text not null,
      attended int not null default 0, absent int not null default 0, excused int not null default 0,
      withdrawn boolean not null default false)`,
    (schema) => `create index on ${schema}.attendance_registers (school_id, day)`,
    (schema) => `create table ${schema}.absences (
      register_id text not null, student_id text not null, school_id text not null, day text not null,
      cleared boolean not null default false, primary key (register_id, student_id))`,
    (schema) => `create index on ${schema}.absences (school_id, day)`,
  ],
  on: {
    async AttendanceMarked({ data }, { tx, schema }) {
      const count = (c: string) => data.marks.filter((m) => column(m.meaning) === c).length;
      await tx.query(
        `insert into ${schema}.attendance_registers (register_id, school_id, day, attended, absent, excused)
         values ($1, $2, $3, $4, $5, $6) on conflict (register_id) do update set
           attended = attendance_registers.attended + excluded.attended,
           absent = attendance_registers.absent + excluded.absent,
           excused = attendance_registers.excused + excluded.excused`,
        [data.registerId, data.schoolId, data.date, count('attended'), count('absent'), count('excused')],
      );
    },
    async AttendanceCorrected({ data }, { tx, schema }) {
      const delta = (c: string) => (column(data.meaning) === c ? 1 : 0) - (column(data.previousMeaning) === c ? 1 : 0);
      await tx.query(
        `insert into ${schema}.attendance_registers (register_id, school_id, day, attended, absent, excused)
         values ($1, $2, $3, greatest($4, 0), greatest($5, 0), greatest($6, 0)) on conflict (register_id) do update set
           attended = attendance_registers.attended + $4, absent = attendance_registers.absent + $5,
           excused = attendance_registers.excused + $6`,
        [data.registerId, data.schoolId, data.date, delta('attended'), delta('absent'), delta('excused')],
      );
      // The student's absence on this register stands while the record says absent (StudentAbsent may come later).
      await tx.query(
        `insert into ${schema}.absences (register_id, student_id, school_id, day, cleared) values ($1, $2, $3, $4, $5)
         on conflict (register_id, student_id) do update set cleared = excluded.cleared`,
        [data.registerId, data.studentId, data.schoolId, data.date, data.meaning !== 'absent'],
      );
    },
    async RegisterWithdrawn({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.attendance_registers (register_id, school_id, day, withdrawn) values ($1, $2, $3, true)
         on conflict (register_id) do update set withdrawn = true`,
        [data.registerId, data.schoolId, data.date],
      );
    },
    async StudentAbsent({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.absences (register_id, student_id, school_id, day) values ($1, $2, $3, $4)
         on conflict do nothing`,
        [data.registerId, data.studentId, data.schoolId, data.date],
      );
    },
    async StudentEnrolled({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.enrolments (student_id, year_id, school_id, group_id, day) values ($1, $2, $3, $4, $5)
         on conflict do nothing`,
        [data.studentId, data.yearId, data.schoolId, data.groupId, data.enrolledOn],
      );
    },
    async StudentWithdrawn({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.withdrawals (student_id, day, school_id) values ($1, $2, $3) on conflict do nothing`,
        [data.studentId, data.withdrawnOn, data.schoolId],
      );
    },
    async LoanOverdue({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.overdue_loans (school_id, day, loan_id) values ($1, $2, $3) on conflict do nothing`,
        [data.schoolId, data.asOf, data.loanId],
      );
    },
    async EventScheduled({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.school_events (event_id, school_id, start_date, published, cancelled)
         values ($1, $2, $3, false, false) on conflict (event_id) do nothing`,
        [data.eventId, data.schoolId, data.startDate],
      );
    },
    async EventRescheduled({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.school_events set start_date = $2 where event_id = $1`, [
        data.eventId,
        data.startDate,
      ]);
    },
    async EventPublished({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.school_events (event_id, school_id, start_date, published, cancelled)
         values ($1, $2, $3, true, false) on conflict (event_id) do update set published = true`,
        [data.eventId, data.schoolId, data.startDate],
      );
    },
    async EventCancelled({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.school_events set cancelled = true where event_id = $1`, [data.eventId]);
    },
  },
});
