import type { TenantId } from '@hexfleet/kernel';
import type { hrms } from '@hexfleet/schemas';

/** One marked day of an employee's month. */
export interface AttendanceDay {
  date: string;
  status: hrms.AttendanceStatus;
  /** The approved leave that marked the day on leave, else null. */
  leaveRequestId: string | null;
}

/** The attendance read model (hrms-attendance): marked days by employee and month. */
export interface AttendanceSheets {
  /** Every marked day of one employee's month (`YYYY-MM`), in date order. */
  days(tenant: TenantId, employeeId: string, month: string): Promise<AttendanceDay[]>;
}
export const ATTENDANCE_SHEETS = Symbol('AttendanceSheets');
