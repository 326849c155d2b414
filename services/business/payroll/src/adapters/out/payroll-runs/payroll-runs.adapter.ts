import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Page } from '../../../application/payroll-employees.port';
import type { PayrollRuns, PayrollRunView, PayslipView } from '../../../application/payroll-runs.port';

const PAYSLIP = `payslip_id as "payslipId", run_id as "runId", period, revision, employee_id as "employeeId",
  employee_name as "employeeName", structure_id as "structureId", currency, period_days as "periodDays",
  employed_days as "employedDays", unpaid_leave_days::float as "unpaidLeaveDays", absent_days::float as "absentDays",
  payment_days::float as "paymentDays", lines, gross_minor::bigint::text as "grossMinor",
  deductions_minor::bigint::text as "deductionsMinor", net_minor::bigint::text as "netMinor", final, status`;

/** Sums and bigints come from pg as text, to lose nothing on the way. */
type Money = 'grossMinor' | 'deductionsMinor' | 'netMinor';
type Stored<View, Text extends keyof View> = Omit<View, Text> & Record<Text, string>;

/** Minor units travel as JSON numbers (exact up to 2^53 - 1); each keeps its place in the row. */
const payslip = (row: Stored<PayslipView, Money>): PayslipView => ({
  ...row,
  grossMinor: Number(row.grossMinor),
  deductionsMinor: Number(row.deductionsMinor),
  netMinor: Number(row.netMinor),
});
const run = (row: Stored<PayrollRunView, Money | 'payslipCount'>): PayrollRunView => ({
  ...row,
  payslipCount: Number(row.payslipCount),
  grossMinor: Number(row.grossMinor),
  deductionsMinor: Number(row.deductionsMinor),
  netMinor: Number(row.netMinor),
});

/** The payroll-runs read model's queries (payroll-runs.projection.ts writes it). */
@Injectable()
export class PostgresPayrollRuns implements PayrollRuns {
  constructor(private readonly runtime: ServiceRuntime) {}

  async runs(tenant: TenantId, period?: string): Promise<PayrollRunView[]> {
    const rows = await this.runtime.queryTenant<Stored<PayrollRunView, Money | 'payslipCount'>>(
      tenant,
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
    return rows.map(run);
  }

  async payslipsOfRun(tenant: TenantId, period: string, page: Partial<Page> = {}): Promise<PayslipView[]> {
    const rows = await this.runtime.queryTenant<Stored<PayslipView, Money>>(
      tenant,
      (s) => `select ${PAYSLIP} from ${s}.payslips where period = $1 and status = 'current'
        order by employee_name, employee_id limit $2 offset $3`,
      [period, page.limit ?? null, page.offset ?? 0],
    );
    return rows.map(payslip);
  }

  async payslipsOfEmployee(tenant: TenantId, employeeId: string): Promise<PayslipView[]> {
    const rows = await this.runtime.queryTenant<Stored<PayslipView, Money>>(
      tenant,
      (s) => `select ${PAYSLIP} from ${s}.payslips where employee_id = $1 and status <> 'replaced'
        order by period desc, revision desc`,
      [employeeId],
    );
    return rows.map(payslip);
  }
}
