import { readModel } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';

/**
 * The payroll periods HRMS must keep unpaid leave out of: a finalized run
 * locks its period until payroll cancels it (cancel-and-amend reopens it).
 * Fed by payroll's events, read through Kafka like any outside consumer; the
 * topic's other events (runs created, payslips) pass by.
 */
export const payrollPeriods = readModel<
  Extract<payroll.PayrollPayrollRunV1Event, { type: 'PayrollRunFinalized' | 'PayrollRunCancelled' }>
>({
  name: 'hrms-payroll-periods',
  topics: ['payroll.payroll-run.v1'],
  tables: ['finalized_periods'],
  migrations: [
    (schema) => `create table ${schema}.finalized_periods (
      run_id text primary key,
      period text not null,
      finalized_at text not null)`,
  ],
  on: {
    async PayrollRunFinalized({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.finalized_periods (run_id, period, finalized_at) values ($1, $2, $3)
         on conflict (run_id) do nothing`,
        [data.runId, data.period, data.finalizedAt],
      );
    },
    async PayrollRunCancelled({ data }, { tx, schema }) {
      await tx.query(`delete from ${schema}.finalized_periods where run_id = $1`, [data.runId]);
    },
  },
});
