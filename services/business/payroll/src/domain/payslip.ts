import { DomainError } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import { type DayOff, paymentDays } from './payment-days';
import type { Assignment, PayrollEmployee } from './payroll-employee.types';
import { calculatePayslip } from './payslip.calculator';
import { periodBounds } from './period';
import type { SalaryStructure } from './salary-structure.decider';

/** Employed for at least one day of the period: neither joined after it nor left before it. */
export function payableIn(period: string, employee: PayrollEmployee): boolean {
  const { start, end } = periodBounds(period);
  return employee.joiningDate <= end && (employee.relievingDate === null || employee.relievingDate >= start);
}

/** The assignment in effect on the employee's last employed day of the period: the latest one begun by then. */
export function activeAssignment(period: string, employee: PayrollEmployee): Assignment | undefined {
  const { end } = periodBounds(period);
  const lastDay = employee.relievingDate && employee.relievingDate < end ? employee.relievingDate : end;
  return employee.assignments.filter((a) => a.fromDate <= lastDay).at(-1);
}

export interface PayslipRequest {
  payslipId: string;
  /** The run the payslip belongs to. */
  run: { runId: string; period: string; revision: number; currency: string };
  employee: PayrollEmployee;
  /** The salary structures by id, at least the one the active assignment names. */
  structures: Readonly<Record<string, SalaryStructure>>;
  replacesPayslipId: string | null;
  now: string;
}

/** One employee's payslip for the period, or the rule it breaks. */
export function generatePayslip(request: PayslipRequest): payroll.PayslipGenerated {
  const { payslipId, employee, structures, now } = request;
  const { runId, period, revision, currency } = request.run;
  const { employeeId } = employee;
  const bounds = periodBounds(period);
  if (employee.joiningDate > bounds.end)
    throw new DomainError('employee-joined-after-period', { employeeId, joiningDate: employee.joiningDate });
  if (employee.relievingDate !== null && employee.relievingDate < bounds.start)
    throw new DomainError('employee-left-before-period', { employeeId, relievingDate: employee.relievingDate });
  const assignment = activeAssignment(period, employee);
  if (!assignment) throw new DomainError('no-active-salary-structure', { employeeId, period });
  const structure = structures[assignment.structureId];
  if (!structure) throw new DomainError('salary-structure-not-found', { structureId: assignment.structureId });
  if (structure.currency !== currency || assignment.currency !== currency)
    throw new DomainError('currency-mismatch', { employeeId, left: currency, right: structure.currency });
  const unpaid: DayOff[] = Object.values(employee.unpaidLeave)
    .flat()
    .map((day) => ({ date: day.date, days: day.halfDay ? 0.5 : 1 }));
  const absences: DayOff[] = Object.entries(employee.absences).map(([date, days]) => ({ date, days }));
  const days = paymentDays(period, employee, unpaid, absences);
  const amounts = calculatePayslip({
    currency,
    lines: structure.lines,
    baseMinor: assignment.baseMinor,
    paymentDays: days.paymentDays,
    periodDays: days.periodDays,
  });
  return payroll.payslipGenerated({
    payslipId,
    runId,
    period,
    revision,
    employeeId,
    employeeName: employee.name,
    structureId: structure.structureId,
    currency,
    ...days,
    ...amounts,
    final: employee.relievingDate !== null && employee.relievingDate <= bounds.end,
    replacesPayslipId: request.replacesPayslipId,
    generatedAt: now,
  });
}
