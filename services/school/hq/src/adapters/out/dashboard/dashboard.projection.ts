import { readModel } from '@hexfleet/eventing';
import type { admin, events, libraries } from '@hexfleet/schemas';

type DashboardEvents =
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
 * last day at school, from Admin. AttendanceMarked joins when Attendance publishes it.
 */
export const dashboard = readModel<DashboardEvents>({
  name: 'hq-dashboard',
  topics: ['libraries.loan.v1', 'events.event.v1', 'admin.student.v1'],
  tables: ['overdue_loans', 'school_events', 'enrolments', 'withdrawals'],
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
  ],
  on: {
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
