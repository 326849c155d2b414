import type { TenantId } from '@hexfleet/kernel';
import type { payroll } from '@hexfleet/schemas';

/** One employee payroll pays, as enrolled, with their relieving date and latest assignment once known. */
export type PayrollEmployeeView = payroll.EmployeeEnrolledData & {
  relievingDate: string | null;
  structureId: string | null;
  baseMinor: number | null;
  currency: string | null;
  assignedFrom: string | null;
};

export interface Page {
  limit: number;
  offset: number;
}

/** The payroll-employees read model: who payroll pays (adapters/out/payroll-employees). */
export interface PayrollEmployees {
  /** By last name, first name and id. */
  list(tenant: TenantId, page: Page): Promise<PayrollEmployeeView[]>;
  get(tenant: TenantId, employeeId: string): Promise<PayrollEmployeeView | undefined>;
  /** Every enrolled employee's id, in id order: the payees a new run reads the streams of. */
  roster(tenant: TenantId): Promise<string[]>;
}

export const PAYROLL_EMPLOYEES = Symbol('PayrollEmployees');
