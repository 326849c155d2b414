import type { EmployeeEnrolledData, PayrollRunCreatedData, PayslipGeneratedData } from '../contracts/payroll.contracts';

// What Payroll's REST API answers (see hrms.views.ts for why these live with the contracts).

/** A run (one revision of a period) as created, its status, and totals over its current (or, once cancelled, cancelled) payslips. */
export type PayrollRunView = Omit<PayrollRunCreatedData, 'createdBy'> & {
  status: 'draft' | 'finalized' | 'cancelled';
  finalizedAt: string | null;
  payslipCount: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
};

/** A payslip as generated, and whether it is the one its run pays (`current`); money in minor units. */
export type PayslipView = Omit<PayslipGeneratedData, 'replacesPayslipId' | 'generatedAt'> & {
  status: 'current' | 'replaced' | 'cancelled';
};

/** One employee payroll pays, as enrolled, with their relieving date and latest assignment once known. */
export type PayrollEmployeeView = EmployeeEnrolledData & {
  relievingDate: string | null;
  structureId: string | null;
  baseMinor: number | null;
  currency: string | null;
  assignedFrom: string | null;
};

/** An employee's payment days of a period, as a payslip of that period would use them now. */
export interface PaymentDaysView {
  employeeId: string;
  /** YYYY-MM */
  period: string;
  periodDays: number;
  employedDays: number;
  unpaidLeaveDays: number;
  absentDays: number;
  /** employedDays - unpaidLeaveDays - absentDays, a multiple of 0.5. */
  paymentDays: number;
}
