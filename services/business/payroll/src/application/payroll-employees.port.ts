import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the employees routes answer: typed once, in the contracts the gateway implements too. */
export type PayrollEmployeeView = views.payroll.PayrollEmployeeView;
export type PaymentDaysView = views.payroll.PaymentDaysView;

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
