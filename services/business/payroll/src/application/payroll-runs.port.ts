import type { TenantId } from '@hexfleet/kernel';
import type { payroll } from '@hexfleet/schemas';

/** A run (one revision of a period) with its totals over its current (or, once cancelled, cancelled) payslips. */
export interface PayrollRunView {
  runId: string;
  period: string;
  revision: number;
  amendsRunId: string | null;
  currency: string;
  status: 'draft' | 'finalized' | 'cancelled';
  createdAt: string;
  finalizedAt: string | null;
  payslipCount: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
}

/** A payslip as the payroll-runs read model holds it; money in minor units. */
export interface PayslipView {
  payslipId: string;
  runId: string;
  period: string;
  revision: number;
  employeeId: string;
  employeeName: string;
  structureId: string;
  currency: string;
  periodDays: number;
  employedDays: number;
  unpaidLeaveDays: number;
  absentDays: number;
  paymentDays: number;
  lines: payroll.PayslipLine[];
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
  final: boolean;
  status: 'current' | 'replaced' | 'cancelled';
}

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
