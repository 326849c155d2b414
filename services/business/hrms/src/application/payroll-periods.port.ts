import type { TenantId } from '@hexfleet/kernel';

/** Payroll's finalized periods as HRMS heard them (hrms-payroll-periods): unpaid leave stays out of them. */
export interface PayrollPeriods {
  /** The `YYYY-MM` periods whose payroll run is finalized and not cancelled. */
  finalized(tenant: TenantId): Promise<string[]>;
}
export const PAYROLL_PERIODS = Symbol('PayrollPeriods');
