import type { TenantId } from '@hexfleet/kernel';
import type { payroll } from '@hexfleet/schemas';

/** A run (one revision of a period) as created, its status, and totals over its current (or, once cancelled, cancelled) payslips. */
export type PayrollRunView = Omit<payroll.PayrollRunCreatedData, 'createdBy'> & {
  status: 'draft' | 'finalized' | 'cancelled';
  finalizedAt: string | null;
  payslipCount: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
};

/** A payslip as generated, and whether it is the one its run pays (`current`); money in minor units. */
export type PayslipView = Omit<payroll.PayslipGeneratedData, 'replacesPayslipId' | 'generatedAt'> & {
  status: 'current' | 'replaced' | 'cancelled';
};

/** The payroll-runs read model: runs with their totals, and payslips (adapters/out/payroll-runs). */
export interface PayrollRuns {
  /** Every run, or a period's, newest period and revision first. */
  runs(tenant: TenantId, period?: string): Promise<PayrollRunView[]>;
  /** The payslips the period's live run pays, by employee name. */
  payslipsOfRun(tenant: TenantId, period: string): Promise<PayslipView[]>;
  /** An employee's payslips of every period and revision, recomputed ones left out. */
  payslipsOfEmployee(tenant: TenantId, employeeId: string): Promise<PayslipView[]>;
}

export const PAYROLL_RUNS = Symbol('PayrollRuns');
