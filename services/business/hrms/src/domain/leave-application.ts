import { DomainError } from '@hexfleet/kernel';
import type { hrms } from '@hexfleet/schemas';
import type { Command, EmployeeFacts } from './command';
import { requireDate, yearOf } from './dates';
import { type DateRange, findOverlap, type LeaveDay, leaveDaysBetween, monthsOf, totalLeaveDays } from './leave-days';

/**
 * Applying for leave. The caller loads, in the same unit of work:
 * - `employee`: employeeFacts of the employee's stream;
 * - `leaveType`: whether the type is unpaid (leave-type stream);
 * - `holidays`: the dates of the employee's holiday list (holidayDates);
 * - `otherLeaves`: the employee's pending and approved requests (read model);
 * - `balance`: availableDays of the allocation for (employee, type, year of
 *   fromDate), or null when there is none; for a paid type the caller then
 *   runs ReserveLeaveDays on that allocation and appends both streams with
 *   their expected versions, so the balance cannot be spent twice;
 * - `finalizedPeriods`: the `YYYY-MM` periods whose payroll run is finalized
 *   (from payroll's PayrollRunFinalized and PayrollRunCancelled).
 */
export type ApplyForLeave = Command<
  'ApplyForLeave',
  {
    leaveRequestId: string;
    employeeId: string;
    leaveTypeId: string;
    fromDate: string;
    toDate: string;
    halfDayDate?: string | null;
    reason?: string;
    requestedBy: string;
    employee: EmployeeFacts;
    leaveType: { unpaid: boolean };
    holidays: readonly string[];
    otherLeaves: ReadonlyArray<DateRange & { leaveRequestId: string }>;
    balance: { availableDays: number } | null;
    finalizedPeriods: readonly string[];
  }
>;

/** Unpaid days change payment days, which a finalized run can no longer take in. */
export function refuseFinalizedPeriods(unpaid: boolean, days: readonly LeaveDay[], finalized: readonly string[]) {
  if (!unpaid) return;
  const period = monthsOf(days).find((month) => finalized.includes(month));
  if (period) throw new DomainError('payroll-period-finalized', { period });
}

function withinEmployment({ fromDate, toDate }: DateRange, employee: EmployeeFacts) {
  if (fromDate < employee.joiningDate || (employee.relievingDate !== null && toDate > employee.relievingDate))
    throw new DomainError('leave-outside-employment', {
      joiningDate: employee.joiningDate,
      relievingDate: employee.relievingDate,
    });
}

/** Checks every rule of an application and returns the LeaveRequested it makes. */
export function applyForLeave({ data, metadata }: ApplyForLeave): hrms.LeaveRequested {
  const fromDate = requireDate(data.fromDate, 'fromDate');
  const toDate = requireDate(data.toDate, 'toDate');
  const halfDayDate = data.halfDayDate ? requireDate(data.halfDayDate, 'halfDayDate') : null;
  if (toDate < fromDate) throw new DomainError('leave-ends-before-start', { fromDate, toDate });
  if (!data.employee.active) throw new DomainError('employee-not-active', { employeeId: data.employeeId });
  withinEmployment({ fromDate, toDate }, data.employee);
  if (halfDayDate && (halfDayDate < fromDate || halfDayDate > toDate))
    throw new DomainError('half-day-outside-leave', { halfDayDate });
  const { unpaid } = data.leaveType;
  // Paid days come from one yearly allocation, so a paid leave stays inside one year.
  if (!unpaid && yearOf(fromDate) !== yearOf(toDate)) throw new DomainError('leave-spans-years', { fromDate, toDate });
  const overlap = findOverlap({ fromDate, toDate }, data.otherLeaves);
  if (overlap) throw new DomainError('leave-overlaps', { leaveRequestId: overlap.leaveRequestId });
  const leaveDays = leaveDaysBetween({ fromDate, toDate }, data.holidays, halfDayDate);
  const totalDays = totalLeaveDays(leaveDays);
  if (totalDays === 0) throw new DomainError('leave-has-no-working-days', { fromDate, toDate });
  refuseFinalizedPeriods(unpaid, leaveDays, data.finalizedPeriods);
  if (!unpaid) {
    if (data.balance === null) throw new DomainError('no-leave-allocation', { leaveTypeId: data.leaveTypeId });
    if (data.balance.availableDays < totalDays)
      throw new DomainError('insufficient-leave-balance', {
        requestedDays: totalDays,
        availableDays: data.balance.availableDays,
      });
  }
  return {
    type: 'LeaveRequested',
    data: {
      leaveRequestId: data.leaveRequestId,
      employeeId: data.employeeId,
      leaveTypeId: data.leaveTypeId,
      unpaid,
      fromDate,
      toDate,
      halfDayDate: leaveDays.some((day) => day.halfDay) ? halfDayDate : null,
      leaveDays,
      totalDays,
      reason: data.reason ?? '',
      requestedBy: data.requestedBy,
      requestedAt: metadata.now,
    },
  };
}
