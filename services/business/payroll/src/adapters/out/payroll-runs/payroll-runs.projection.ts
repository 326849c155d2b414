import type { Projection } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';
import type { PoolClient } from 'pg';

type Apply = (tx: PoolClient, s: string, data: never) => Promise<unknown>;

/**
 * Runs and payslips: payslips per employee and per run, and run totals. A
 * recomputed payslip replaces the one before it; a cancelled run cancels its
 * payslips, so "current" payslips are exactly the ones a run pays.
 */
const handlers: Record<string, Apply> = {
  PayrollRunCreated: (tx, s, e: payroll.PayrollRunCreatedData) =>
    tx.query(
      `insert into ${s}.payroll_runs (run_id, period, revision, amends_run_id, currency, status, created_at)
       values ($1, $2, $3, $4, $5, 'draft', $6) on conflict do nothing`,
      [e.runId, e.period, e.revision, e.amendsRunId, e.currency, e.createdAt],
    ),
  PayslipGenerated: async (tx, s, e: payroll.PayslipGeneratedData) => {
    if (e.replacesPayslipId)
      await tx.query(`update ${s}.payslips set status = 'replaced' where payslip_id = $1`, [e.replacesPayslipId]);
    await tx.query(
      `insert into ${s}.payslips (payslip_id, run_id, period, revision, employee_id, employee_name, structure_id,
         currency, period_days, employed_days, unpaid_leave_days, absent_days, payment_days, lines, gross_minor,
         deductions_minor, net_minor, final, status, generated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'current', $19)
       on conflict do nothing`,
      [
        e.payslipId,
        e.runId,
        e.period,
        e.revision,
        e.employeeId,
        e.employeeName,
        e.structureId,
        e.currency,
        e.periodDays,
        e.employedDays,
        e.unpaidLeaveDays,
        e.absentDays,
        e.paymentDays,
        JSON.stringify(e.lines),
        e.grossMinor,
        e.deductionsMinor,
        e.netMinor,
        e.final,
        e.generatedAt,
      ],
    );
  },
  PayrollRunFinalized: (tx, s, e: payroll.PayrollRunFinalizedData) =>
    tx.query(`update ${s}.payroll_runs set status = 'finalized', finalized_at = $2 where run_id = $1`, [
      e.runId,
      e.finalizedAt,
    ]),
  PayrollRunCancelled: async (tx, s, e: payroll.PayrollRunCancelledData) => {
    await tx.query(`update ${s}.payroll_runs set status = 'cancelled' where run_id = $1`, [e.runId]);
    await tx.query(`update ${s}.payslips set status = 'cancelled' where run_id = $1 and status = 'current'`, [e.runId]);
  },
};

export const payrollRunsProjection: Projection = {
  name: 'payroll-runs',
  topics: ['payroll.payroll-run.v1'],
  tables: ['payroll_runs', 'payslips'],
  migrations: [
    (s) => `create table ${s}.payroll_runs (run_id text primary key, period text not null, revision int not null,
      amends_run_id text, currency text not null, status text not null, created_at text not null, finalized_at text)`,
    (s) => `create table ${s}.payslips (payslip_id text primary key, run_id text not null, period text not null,
      revision int not null, employee_id text not null, employee_name text not null, structure_id text not null,
      currency text not null, period_days int not null, employed_days int not null, unpaid_leave_days numeric not null,
      absent_days numeric not null, payment_days numeric not null, lines jsonb not null, gross_minor bigint not null,
      deductions_minor bigint not null, net_minor bigint not null, final boolean not null, status text not null,
      generated_at text not null)`,
    (s) => `create index on ${s}.payslips (run_id, status)`,
    (s) => `create index on ${s}.payslips (employee_id, period)`,
  ],
  async apply(event, { tx, schema }) {
    const handler = handlers[event.type.split('.').pop() ?? ''];
    if (handler) await handler(tx, schema, event.data as never);
  },
};
