import { Injectable } from '@nestjs/common';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { projectionName } from './command-context';

export const PAYROLL_RUNS = 'payroll-runs';

const PAYSLIP = `payslip_id as "payslipId", run_id as "runId", period, revision, employee_id as "employeeId",
  employee_name as "employeeName", structure_id as "structureId", currency, period_days as "periodDays",
  employed_days as "employedDays", unpaid_leave_days::float as "unpaidLeaveDays", absent_days::float as "absentDays",
  payment_days::float as "paymentDays", lines, gross_minor::bigint::text as "grossMinor",
  deductions_minor::bigint::text as "deductionsMinor", net_minor::bigint::text as "netMinor", final, status`;

type Row = Record<string, unknown>;
/** Minor units travel as JSON numbers; bigint comes from pg as text to lose nothing on the way. */
const money = (row: Row) => {
  for (const key of ['grossMinor', 'deductionsMinor', 'netMinor', 'payslipCount'])
    if (typeof row[key] === 'string') row[key] = Number(row[key]);
  return row;
};

/** Runs with their totals (live from current payslips), payslips per run and per employee. */
@Injectable()
export class PayrollRunQueryHandler {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  private fresh(caller: Principal) {
    return this.consistency.await(projectionName(this.runtime, PAYROLL_RUNS), caller);
  }

  async runs(caller: Principal, period?: string) {
    await this.fresh(caller);
    const rows = await this.runtime.queryTenant<Row>(
      caller.tenant,
      (s) => `select r.run_id as "runId", r.period, r.revision, r.amends_run_id as "amendsRunId", r.currency,
        r.status, r.created_at as "createdAt", r.finalized_at as "finalizedAt",
        count(p.payslip_id)::text as "payslipCount", coalesce(sum(p.gross_minor), 0)::text as "grossMinor",
        coalesce(sum(p.deductions_minor), 0)::text as "deductionsMinor", coalesce(sum(p.net_minor), 0)::text as "netMinor"
        from ${s}.payroll_runs r
        left join ${s}.payslips p on p.run_id = r.run_id and p.status in ('current', 'cancelled')
        where ($1::text is null or r.period = $1)
        group by r.run_id order by r.period desc, r.revision desc`,
      [period ?? null],
    );
    return rows.map(money);
  }

  async payslipsOfRun(caller: Principal, period: string) {
    await this.fresh(caller);
    const rows = await this.runtime.queryTenant<Row>(
      caller.tenant,
      (s) => `select ${PAYSLIP} from ${s}.payslips where period = $1 and status = 'current'
        order by employee_name, employee_id`,
      [period],
    );
    return rows.map(money);
  }

  async payslipsOfEmployee(caller: Principal, employeeId: string) {
    await this.fresh(caller);
    const rows = await this.runtime.queryTenant<Row>(
      caller.tenant,
      (s) => `select ${PAYSLIP} from ${s}.payslips where employee_id = $1 and status <> 'replaced'
        order by period desc, revision desc`,
      [employeeId],
    );
    return rows.map(money);
  }
}
