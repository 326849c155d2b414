import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the leave read model answers: typed once, in the contracts the gateway implements too. */
export type LeaveRequestStatus = views.hrms.LeaveRequestStatus;
export type LeaveRequestView = views.hrms.LeaveRequestView;
export type CalendarEntry = views.hrms.LeaveCalendarEntry;

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
