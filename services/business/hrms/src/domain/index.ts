// The HRMS domain core: deciders over plain data, and the pure helpers their rules need.
export type { Command, EmployeeFacts } from './command';
export { addDays, datesBetween, isIsoDate, monthOf, yearOf } from './dates';
export { findOverlap, leaveDaysBetween, monthsOf, rangesOverlap, splitByMonth, totalLeaveDays } from './leave-days';
export type { DateRange, LeaveDay } from './leave-days';
export * from './employee.commands';
export * from './employee.decider';
export * from './leave-type.decider';
export * from './holiday-list.decider';
export * from './leave-allocation.decider';
export type { ApplyForLeave } from './leave-application';
export * from './leave-request.decider';
export * from './attendance.decider';
export * from './job-opening.decider';
