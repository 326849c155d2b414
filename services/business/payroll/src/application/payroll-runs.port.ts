import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Page } from './payroll-employees.port';

/** What the runs and payslips routes answer: typed once, in the contracts the gateway implements too. */
export type PayrollRunView = views.payroll.PayrollRunView;
export type PayslipView = views.payroll.PayslipView;

/** The payroll-runs read model: runs with their totals, and payslips (adapters/out/payroll-runs). */
export interface PayrollRuns {
  /** Every run, or a period's, newest period and revision first. */
  runs(tenant: TenantId, period?: string): Promise<PayrollRunView[]>;
  /** The payslips the period's live run pays, by employee name (a page of them, or all). */
  payslipsOfRun(tenant: TenantId, period: string, page?: Partial<Page>): Promise<PayslipView[]>;
  /** An employee's payslips of every period and revision, recomputed ones left out. */
  payslipsOfEmployee(tenant: TenantId, employeeId: string): Promise<PayslipView[]>;
}

export const PAYROLL_RUNS = Symbol('PayrollRuns');
