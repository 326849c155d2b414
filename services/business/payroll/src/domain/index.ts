// The payroll domain core: deciders over plain data, the payment-days rule and the payslip calculator.
export type { Command } from './command';
export { daysBetween, periodBounds } from './period';
export type { PeriodBounds } from './period';
export { paymentDays } from './payment-days';
export type { DayOff, Employment, PaymentDays } from './payment-days';
export { calculatePayslip } from './payslip.calculator';
export type { PayslipAmounts, PayslipInput } from './payslip.calculator';
export { activeAssignment, generatePayslip, payableIn } from './payslip';
export type { PayslipRequest } from './payslip';
export * from './salary-component.decider';
export * from './salary-structure.decider';
export * from './payroll-employee.types';
export * from './payroll-employee.decider';
export * from './payroll-run.types';
export * from './payroll-run.decider';
