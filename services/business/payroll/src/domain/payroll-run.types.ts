import type { payroll } from '@hexfleet/schemas';
import type { Command } from './command';
import type { PayrollEmployee } from './payroll-employee.types';
import type { SalaryStructure } from './salary-structure.decider';

/**
 * All runs of one month: stream `<tenant>/payroll-run/<YYYY-MM>`, topic
 * payroll.payroll-run.v1. Keying the stream by period makes its version guard
 * "one non-cancelled payslip per employee per period" and the lock: a run,
 * its payslips and its amendments (revision 2, 3...) live in one stream.
 */
export type PayrollRunEvent = payroll.PayrollPayrollRunV1Event;

export interface PayslipSummary {
  payslipId: string;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
  /** What the payslip says, ids and time aside: an unchanged recalculation emits nothing. */
  content: string;
}
export interface Run {
  runId: string;
  period: string;
  revision: number;
  currency: string;
  payslips: Record<string, PayslipSummary>;
}
export type PayrollRunState =
  | { status: 'none' }
  | { status: 'draft'; run: Run }
  | { status: 'finalized'; run: Run }
  | { status: 'cancelled'; run: Run };

/**
 * Facts the caller loads: every enrolled employee (payrollEmployee of each
 * payroll-employee stream) with a new payslip id, and the salary structures
 * their assignments name. Employees not employed in the period are skipped.
 */
export interface Payees {
  employees: ReadonlyArray<{ payslipId: string; employee: PayrollEmployee }>;
  structures: Readonly<Record<string, SalaryStructure>>;
}
export type CreatePayrollRun = Command<
  'CreatePayrollRun',
  { runId: string; period: string; currency: string; createdBy: string } & Payees
>;
/** (Re)computes one employee's payslip in the draft run, e.g. after leave, attendance or a separation changed. */
export type GeneratePayslip = Command<
  'GeneratePayslip',
  { payslipId: string; employee: PayrollEmployee; structures: Readonly<Record<string, SalaryStructure>> }
>;
export type FinalizePayrollRun = Command<'FinalizePayrollRun', { finalizedBy: string }>;
export type CancelPayrollRun = Command<'CancelPayrollRun', { cancelledBy: string; reason?: string }>;
/** Cancel-and-amend of a finalized run: a new run (new runId, next revision) with fresh payslips. */
export type AmendPayrollRun = Command<
  'AmendPayrollRun',
  { runId: string; amendedBy: string; reason?: string } & Payees
>;
export type PayrollRunCommand =
  CreatePayrollRun | GeneratePayslip | FinalizePayrollRun | CancelPayrollRun | AmendPayrollRun;
