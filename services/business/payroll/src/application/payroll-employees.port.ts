import type { TenantId } from '@hexfleet/kernel';

/** One employee payroll pays, as the payroll-employees read model holds them, with the latest assignment. */
export interface PayrollEmployeeView {
  employeeId: string;
  firstName: string;
  lastName: string;
  department: string;
  designation: string;
  joiningDate: string;
  relievingDate: string | null;
  enrolledAt: string;
  structureId: string | null;
  baseMinor: number | null;
  currency: string | null;
  assignedFrom: string | null;
}

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
