import { createHash } from 'node:crypto';
import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { hrms, libraries, payroll } from '@hexfleet/schemas';
import {
  CHANNELS,
  draftPayslip,
  leaveNotices,
  libraryNotices,
  payslipNotices,
  recipientKey,
} from '../../domain/notices';
import type { DraftPayslip, Notice } from '../../domain/notices';

/** The events that become notices, and the facts kept to word them (titles, draft payslips). */
export type NoticeEvent =
  | Extract<hrms.HrmsLeaveRequestV1Event, { type: 'LeaveRequested' | 'LeaveApproved' | 'LeaveRejected' }>
  | Extract<payroll.PayrollPayrollRunV1Event, { type: 'PayslipGenerated' | 'PayrollRunFinalized' }>
  | Extract<libraries.LibrariesTitleV1Event, { type: 'TitleCatalogued' | 'HoldReadyForPickup' }>
  | Extract<libraries.LibrariesLoanV1Event, { type: 'LoanOverdue' | 'FineAssessed' }>;

/**
 * The delivery's id: a UUID-shaped digest of (event, recipient, channel), the exactly-once key.
 * The same event met again (a redelivery, a replay, a rebuild) names the same delivery.
 */
export function deliveryId(eventId: string, recipient: string, channel: string): string {
  const h = createHash('sha256').update(`${eventId}|${recipient}|${channel}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Records one delivery per (event, recipient, channel), in the projection runner's transaction,
 * so the record and the consumer's checkpoint commit together (docs/adr/0078). `on conflict do
 * nothing`: an event applied again records nothing new, so nothing is sent twice.
 */
async function record(eventId: string, notices: readonly Notice[], { tx, schema }: ProjectionContext) {
  for (const notice of notices) {
    for (const channel of CHANNELS) {
      const key = recipientKey(notice.recipient);
      await tx.query(
        `insert into ${schema}.notification_deliveries
           (delivery_id, event_id, recipient, channel, kind, params, at, status, attempts, next_attempt_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, now())
         on conflict do nothing`,
        [
          deliveryId(eventId, key, channel),
          eventId,
          key,
          channel,
          notice.kind,
          JSON.stringify(notice.params),
          notice.at,
        ],
      );
    }
  }
}

async function titleOf(titleId: string, { tx, schema }: ProjectionContext): Promise<string> {
  const { rows } = await tx.query<{ title: string }>(
    `select title from ${schema}.notification_titles where title_id = $1`,
    [titleId],
  );
  return rows[0]?.title ?? '';
}

/**
 * Deliveries and the in-app inbox. Their two tables are the record of what was sent and read,
 * not state derived from events: they are not in `tables`, so a rebuild keeps them, and its replay
 * finds every delivery already recorded (ADR 0078). Titles and draft payslips are rebuilt.
 */
export const deliveries = readModel<NoticeEvent>({
  name: 'notifications-deliveries',
  topics: ['hrms.leave-request.v1', 'payroll.payroll-run.v1', 'libraries.title.v1', 'libraries.loan.v1'],
  tables: ['notification_titles', 'notification_payslips'],
  migrations: [
    (schema) => `create table if not exists ${schema}.notification_deliveries (
      delivery_id text primary key,
      event_id text not null,
      recipient text not null,
      channel text not null,
      kind text not null,
      params jsonb not null,
      at text not null,
      status text not null,
      attempts int not null,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_error text,
      address text,
      user_id text,
      recorded_at timestamptz not null default now(),
      sent_at text,
      parked_at text,
      unique (event_id, recipient, channel))`,
    (schema) => `create index if not exists notification_deliveries_due
      on ${schema}.notification_deliveries (next_attempt_at) where status = 'pending'`,
    (schema) => `create index if not exists notification_deliveries_status
      on ${schema}.notification_deliveries (status, recorded_at)`,
    (schema) => `create table if not exists ${schema}.notification_inbox (
      item_id text primary key,
      user_id text not null,
      kind text not null,
      category text not null,
      subject text not null,
      body text not null,
      at text not null,
      read_at text)`,
    (schema) => `create index if not exists notification_inbox_user on ${schema}.notification_inbox (user_id, at desc)`,
    (schema) => `create table ${schema}.notification_titles (title_id text primary key, title text not null)`,
    (schema) => `create table ${schema}.notification_payslips (
      run_id text not null, employee_id text not null, payslip jsonb not null, primary key (run_id, employee_id))`,
  ],
  on: {
    LeaveRequested: (event, context) => record(event.eventId, leaveNotices(event), context),
    LeaveApproved: (event, context) => record(event.eventId, leaveNotices(event), context),
    LeaveRejected: (event, context) => record(event.eventId, leaveNotices(event), context),
    async PayslipGenerated(event, { tx, schema }) {
      // A later payslip of the same run for the same employee replaces the earlier one.
      await tx.query(
        `insert into ${schema}.notification_payslips (run_id, employee_id, payslip) values ($1, $2, $3)
         on conflict (run_id, employee_id) do update set payslip = excluded.payslip`,
        [event.data.runId, event.data.employeeId, JSON.stringify(draftPayslip(event))],
      );
    },
    async PayrollRunFinalized(event, context) {
      const { rows } = await context.tx.query<{ payslip: DraftPayslip }>(
        `select payslip from ${context.schema}.notification_payslips where run_id = $1 order by employee_id`,
        [event.data.runId],
      );
      await record(
        event.eventId,
        payslipNotices(
          rows.map((r) => r.payslip),
          event.data.finalizedAt,
        ),
        context,
      );
    },
    async TitleCatalogued({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.notification_titles (title_id, title) values ($1, $2)
         on conflict (title_id) do update set title = excluded.title`,
        [data.titleId, data.title],
      );
    },
    HoldReadyForPickup: async (event, context) =>
      record(event.eventId, libraryNotices(event, await titleOf(event.data.titleId, context)), context),
    LoanOverdue: async (event, context) =>
      record(event.eventId, libraryNotices(event, await titleOf(event.data.titleId, context)), context),
    FineAssessed: (event, context) => record(event.eventId, libraryNotices(event, ''), context),
  },
});
