import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What a month sheet answers: typed once, in the contracts the gateway implements too. */
export type AttendanceDay = views.hrms.AttendanceDay;
export type AttendanceSheet = views.hrms.AttendanceSheet;

/** The attendance read model (hrms-attendance): marked days by employee and month. */
export interface AttendanceSheets {
  /** Every marked day of one employee's month (`YYYY-MM`), in date order. */
  days(tenant: TenantId, employeeId: string, month: string): Promise<AttendanceDay[]>;
}
export const ATTENDANCE_SHEETS = Symbol('AttendanceSheets');
