import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the leave set-up answers: typed once, in the contracts the gateway implements too. */
export type LeaveTypeView = views.hrms.LeaveTypeView;
export type HolidayListView = views.hrms.HolidayListView;
export type LeaveBalance = views.hrms.LeaveBalance;

export interface BalanceFilter {
  employeeId?: string;
  year?: number;
}

/** What leave rests on, from the leave read model (hrms-leave): types, holiday lists, balances. */
export interface LeaveSetup {
  /** By name. */
  leaveTypes(tenant: TenantId): Promise<LeaveTypeView[]>;
  /** By first day, then name. */
  holidayLists(tenant: TenantId): Promise<HolidayListView[]>;
  /** By employee, year, then type name. */
  balances(tenant: TenantId, filter: BalanceFilter): Promise<LeaveBalance[]>;
}
export const LEAVE_SETUP = Symbol('LeaveSetup');
