import type { TenantId } from '@hexfleet/kernel';
import type { PayrollEmployeeEvent } from '../domain';

/** An employee's payroll stream as recorded (`<tenant>/payroll-employee/<id>`): what a query folds for today's figures. */
export interface PayrollEmployeeHistory {
  /** In stream order; none for an employee payroll never enrolled (or another tenant's). */
  eventsOf(tenant: TenantId, employeeId: string): Promise<PayrollEmployeeEvent[]>;
}

export const PAYROLL_EMPLOYEE_HISTORY = Symbol('PayrollEmployeeHistory');
