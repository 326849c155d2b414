import type { hrms, payroll } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * What payroll knows of one employee: stream `<tenant>/payroll-employee/<employeeId>`,
 * topic payroll.employee.v1. Fed by HRMS events through Kafka; its folded
 * state is what a payroll run receives for each employee.
 */
export type PayrollEmployeeEvent = payroll.PayrollEmployeeV1Event;
export type Assignment = Omit<payroll.SalaryStructureAssignedData, 'employeeId' | 'assignedBy' | 'assignedAt'>;

export interface PayrollEmployee {
  employeeId: string;
  name: string;
  joiningDate: string;
  relievingDate: string | null;
  /** Sorted by fromDate. */
  assignments: Assignment[];
  unpaidLeave: Record<string, payroll.LeaveDay[]>;
  reversedLeave: string[];
  /** Absent days (1 or 0.5) by date. */
  absences: Record<string, number>;
}
export type PayrollEmployeeState = { status: 'none' } | ({ status: 'enrolled' } & PayrollEmployee);

export type Enrolment = Omit<payroll.EmployeeEnrolledData, 'enrolledAt'>;
/** From HRMS EmployeeHired. Enrolling again with the same data changes nothing ([]): events arrive at least once. */
export type EnrollEmployee = Command<'EnrollEmployee', Enrolment>;
/** Facts: the structure's currency from its stream, or null when there is no such structure. */
export type AssignSalaryStructure = Command<
  'AssignSalaryStructure',
  {
    structureId: string;
    fromDate: string;
    baseMinor: number;
    assignedBy: string;
    structure: { currency: string } | null;
  }
>;
/** From HRMS EmployeeSeparated. The same date again changes nothing ([]). */
export type RecordSeparation = Command<'RecordSeparation', { relievingDate: string }>;
/** From HRMS LeaveApproved of an unpaid type. Repeating it changes nothing ([]). */
export type RecordUnpaidLeave = Command<'RecordUnpaidLeave', { leaveRequestId: string; leaveDays: payroll.LeaveDay[] }>;
/** From HRMS LeaveCancelled of an approved unpaid leave. Repeating it changes nothing ([]). */
export type ReverseUnpaidLeave = Command<'ReverseUnpaidLeave', { leaveRequestId: string }>;
/**
 * From HRMS EmployeeAttendanceMarked (status) or EmployeeAttendanceCleared
 * (status null). A half day with a leave is half leave, half work: no absence.
 */
export type RecordAttendance = Command<
  'RecordAttendance',
  { date: string; status: hrms.AttendanceStatus | null; leaveRequestId: string | null }
>;
export type PayrollEmployeeCommand =
  EnrollEmployee | AssignSalaryStructure | RecordSeparation | RecordUnpaidLeave | ReverseUnpaidLeave | RecordAttendance;

/** A half day with a leave is half leave, half work, so it is no absence. */
export function absentDaysFor(status: hrms.AttendanceStatus | null, leaveRequestId: string | null): number {
  if (status === 'absent') return 1;
  return status === 'half_day' && !leaveRequestId ? 0.5 : 0;
}
