import type { TenantId } from '@hexfleet/kernel';
import type { hrms } from '@hexfleet/schemas';

export type LeaveRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** A request as the leave read model keeps it: what was asked, and where it stands. */
export interface LeaveRequestView extends Pick<
  hrms.LeaveRequestedData,
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
export interface CalendarEntry extends LeaveRequestView {
  firstName: string | null;
  lastName: string | null;
  department: string | null;
}

export interface LeaveRequestFilter {
  employeeId?: string;
  status?: LeaveRequestStatus;
  limit: number;
  offset: number;
}

export interface CalendarRange {
  fromDate: string;
  toDate: string;
  department?: string;
}

/** A pending or approved request's dates: what a new application must not overlap. */
export interface OpenLeave {
  leaveRequestId: string;
  fromDate: string;
  toDate: string;
}

/** Leave requests in the leave read model (hrms-leave). */
export interface LeaveRequests {
  /** Latest first. */
  list(tenant: TenantId, filter: LeaveRequestFilter): Promise<LeaveRequestView[]>;
  get(tenant: TenantId, leaveRequestId: string): Promise<LeaveRequestView | undefined>;
  /** Pending and approved leave overlapping the range, by first day then employee. */
  calendar(tenant: TenantId, range: CalendarRange): Promise<CalendarEntry[]>;
  /** The employee's pending and approved requests. */
  open(tenant: TenantId, employeeId: string): Promise<OpenLeave[]>;
}
export const LEAVE_REQUESTS = Symbol('LeaveRequests');
