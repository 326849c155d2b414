import { readModel } from '@hexfleet/eventing';
import type { events, libraries } from '@hexfleet/schemas';

type DashboardEvents =
  | Extract<libraries.LibrariesLoanV1Event, { type: 'LoanOverdue' }>
  | Extract<
      events.EventsEventV1Event,
      { type: 'EventScheduled' | 'EventRescheduled' | 'EventPublished' | 'EventCancelled' }
    >;

/**
 * What the consolidated dashboards count, per school and day, from other modules' events:
 * each loan reported overdue on a day (libraries' job reports a loan once per day it is
 * overdue), and each calendar event with its first day and whether it is published and
 * still on. StudentEnrolled and AttendanceMarked join when Admin and Attendance publish them.
 */
export const dashboard = readModel<DashboardEvents>({
  name: 'hq-dashboard',
  topics: ['libraries.loan.v1', 'events.event.v1'],
  tables: ['overdue_loans', 'school_events'],
  migrations: [
    (schema) => `create table ${schema}.overdue_loans (
      school_id text not null, day text not null, loan_id text not null, primary key (school_id, day, loan_id))`,
    (schema) => `create table ${schema}.school_events (
      event_id text primary key, school_id text not null, start_date text not null,
      published boolean not null, cancelled boolean not null)`,
    (schema) => `create index on ${schema}.school_events (school_id, start_date)`,
  ],
  on: {
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
