import type { Projection } from '@hexfleet/eventing';
import type { payroll } from '@hexfleet/schemas';

/**
 * The payroll periods HRMS must keep unpaid leave out of: a finalized run
 * locks its period until payroll cancels it (cancel-and-amend reopens it).
 * Fed by payroll's events, read through Kafka like any outside consumer.
 */
export const payrollPeriodsProjection: Projection = {
  name: 'hrms-payroll-periods',
  topics: ['payroll.payroll-run.v1'],
  tables: ['finalized_periods'],
  migrations: [
    (schema) => `create table ${schema}.finalized_periods (
      run_id text primary key,
      period text not null,
      finalized_at text not null)`,
  ],
  async apply(event, { tx, schema }) {
    const type = event.type.split('.').pop();
    if (type === 'PayrollRunFinalized') {
      const e = event.data as unknown as payroll.PayrollRunFinalizedData;
      await tx.query(
        `insert into ${schema}.finalized_periods (run_id, period, finalized_at) values ($1, $2, $3)
         on conflict (run_id) do nothing`,
        [e.runId, e.period, e.finalizedAt],
      );
    } else if (type === 'PayrollRunCancelled') {
      const e = event.data as unknown as payroll.PayrollRunCancelledData;
      await tx.query(`delete from ${schema}.finalized_periods where run_id = $1`, [e.runId]);
    }
  },
};
