import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';

/** The columns a payslip fills, the PayslipGenerated field each holds and its array type: one list for one or many. */
const PAYSLIP_COLUMNS = [
  ['payslip_id', 'payslipId', 'text'],
  ['run_id', 'runId', 'text'],
  ['period', 'period', 'text'],
  ['revision', 'revision', 'int'],
  ['employee_id', 'employeeId', 'text'],
  ['employee_name', 'employeeName', 'text'],
  ['structure_id', 'structureId', 'text'],
  ['currency', 'currency', 'text'],
  ['period_days', 'periodDays', 'int'],
  ['employed_days', 'employedDays', 'int'],
  ['unpaid_leave_days', 'unpaidLeaveDays', 'numeric'],
  ['absent_days', 'absentDays', 'numeric'],
  ['payment_days', 'paymentDays', 'numeric'],
  ['lines', 'lines', 'jsonb'],
  ['gross_minor', 'grossMinor', 'bigint'],
  ['deductions_minor', 'deductionsMinor', 'bigint'],
  ['net_minor', 'netMinor', 'bigint'],
  ['final', 'final', 'boolean'],
  ['generated_at', 'generatedAt', 'text'],
] as const satisfies ReadonlyArray<readonly [string, keyof payroll.PayslipGeneratedData, string]>;

const column = (data: payroll.PayslipGeneratedData, field: (typeof PAYSLIP_COLUMNS)[number][1]) =>
  field === 'lines' ? JSON.stringify(data.lines) : data[field];

/**
 * Payslips, many at once (a run creates one per employee, in a row): one insert
 * from `unnest(...)`, then the payslips they recompute marked replaced. A payslip
 * only ever replaces an earlier one, so inserting first leaves what one by one would.
 */
async function insertPayslips(
  payslips: ReadonlyArray<ConsumedEvent<payroll.PayslipGenerated>>,
  { tx, schema }: ProjectionContext,
): Promise<void> {
  const columns = PAYSLIP_COLUMNS.map(([name]) => name).join(', ');
  const arrays = PAYSLIP_COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ');
  await tx.query(
    `insert into ${schema}.payslips (${columns}, status)
     select *, 'current' from unnest(${arrays}) on conflict do nothing`,
    PAYSLIP_COLUMNS.map(([, field]) => payslips.map(({ data }) => column(data, field))),
  );
  const replaced = payslips.flatMap(({ data }) => (data.replacesPayslipId ? [data.replacesPayslipId] : []));
  if (replaced.length)
    await tx.query(`update ${schema}.payslips set status = 'replaced' where payslip_id = any($1::text[])`, [replaced]);
}

/**
 * Runs and payslips: payslips per employee and per run, and run totals. A
 * recomputed payslip replaces the one before it; a cancelled run cancels its
 * payslips, so "current" payslips are exactly the ones a run pays.
 */
export const payrollRuns = readModel<payroll.PayrollPayrollRunV1Event>({
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
  on: {
    async PayrollRunCreated({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.payroll_runs (run_id, period, revision, amends_run_id, currency, status, created_at)
         values ($1, $2, $3, $4, $5, 'draft', $6) on conflict do nothing`,
        [data.runId, data.period, data.revision, data.amendsRunId, data.currency, data.createdAt],
      );
    },
    PayslipGenerated: (event, context) => insertPayslips([event], context),
    async PayrollRunFinalized({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.payroll_runs set status = 'finalized', finalized_at = $2 where run_id = $1`, [
        data.runId,
        data.finalizedAt,
      ]);
    },
    async PayrollRunCancelled({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.payroll_runs set status = 'cancelled' where run_id = $1`, [data.runId]);
      await tx.query(`update ${schema}.payslips set status = 'cancelled' where run_id = $1 and status = 'current'`, [
        data.runId,
      ]);
    },
  },
  // Creating or amending a run is one PayslipGenerated per employee in a row.
  batch: { PayslipGenerated: insertPayslips },
});
