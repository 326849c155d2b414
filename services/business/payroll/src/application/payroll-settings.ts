/** DI token of what the composition decided for payroll's application code. */
export const PAYROLL_SETTINGS = Symbol('PayrollSettings');

export interface PayrollSettings {
  /** The read models' running names (with the instance's suffix), by role: what queries await. */
  readModels: { employees: string; runs: string };
}
