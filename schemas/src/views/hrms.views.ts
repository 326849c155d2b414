import type {
  AttendanceStatus,
  EmployeeHiredData,
  HolidayListPublishedData,
  JobOpeningCreatedData,
  LeaveAllocatedData,
  LeaveRequestedData,
  LeaveTypeDefinedData,
} from '../contracts/hrms.contracts';

/**
 * What HRMS's REST API answers, typed once: the service's read models return
 * these and the gateway's GraphQL types implement them, so neither side can
 * drift from the other (a field added here fails to compile where it is missing).
 */

export type EmploymentStatus = 'active' | 'separated';

/** One employee as the directory shows them: who they are as hired, current placement and status. */
export interface DirectoryEntry extends Pick<
  EmployeeHiredData,
  | 'employeeId'
  | 'firstName'
  | 'lastName'
  | 'workEmail'
  | 'department'
  | 'designation'
  | 'employmentType'
  | 'managerId'
  | 'userId'
  | 'holidayListId'
  | 'joiningDate'
> {
  relievingDate: string | null;
  status: EmploymentStatus;
}

export type LeaveRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** A leave request as the leave read model keeps it: what was asked, and where it stands. */
export interface LeaveRequestView extends Pick<
  LeaveRequestedData,
  | 'leaveRequestId'
  | 'employeeId'
  | 'leaveTypeId'
  | 'unpaid'
  | 'fromDate'
  | 'toDate'
  | 'totalDays'
  | 'leaveDays'
  | 'reason'
> {
  status: LeaveRequestStatus;
}

/** A request on the leave calendar, with who it is (null while the directory does not know them). */
export interface LeaveCalendarEntry extends LeaveRequestView {
  firstName: string | null;
  lastName: string | null;
  department: string | null;
}

/** A leave type as defined. */
export type LeaveTypeView = Pick<LeaveTypeDefinedData, 'leaveTypeId' | 'name' | 'unpaid'>;

/** A holiday list with its current holidays. */
export type HolidayListView = Pick<
  HolidayListPublishedData,
  'holidayListId' | 'name' | 'fromDate' | 'toDate' | 'holidays'
>;

/** An allocation's balance: allocated, held by pending or approved requests (used), and available. */
export interface LeaveBalance extends Pick<
  LeaveAllocatedData,
  'allocationId' | 'employeeId' | 'leaveTypeId' | 'year' | 'totalDays'
> {
  /** The leave type's name, null while the type is not in the read model yet. */
  leaveType: string | null;
  usedDays: number;
  availableDays: number;
}

/** One marked day of an employee's month. */
export interface AttendanceDay {
  date: string;
  status: AttendanceStatus;
  /** The approved leave that marked the day on leave, else null. */
  leaveRequestId: string | null;
}

/** How many days of a month sheet have each status. */
export interface AttendanceTotals {
  present: number;
  absent: number;
  halfDay: number;
  onLeave: number;
}

/** One employee's month (`YYYY-MM`): every marked day, in date order, and the totals. */
export interface AttendanceSheet {
  employeeId: string;
  month: string;
  days: AttendanceDay[];
  totals: AttendanceTotals;
}

export type JobOpeningStatus = 'pending' | 'approved' | 'closed';

/** One opening on the board: what was asked (as created), where it stands, who moved it there. */
export interface JobOpeningView extends JobOpeningCreatedData {
  status: JobOpeningStatus;
  approvedBy: string | null;
  approvedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  closeReason: string | null;
}
