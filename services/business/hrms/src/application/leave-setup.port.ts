import type { TenantId } from '@hexfleet/kernel';
import type { hrms } from '@hexfleet/schemas';

export interface LeaveTypeView {
  leaveTypeId: string;
  name: string;
  unpaid: boolean;
}

export interface HolidayListView {
  holidayListId: string;
  name: string;
  fromDate: string;
  toDate: string;
  holidays: hrms.Holiday[];
}

/** An allocation's balance: allocated, held by pending or approved requests (used), and available. */
export interface LeaveBalance {
  allocationId: string;
  employeeId: string;
  leaveTypeId: string;
  /** The leave type's name, null while the type is not in the read model yet. */
  leaveType: string | null;
  year: number;
  totalDays: number;
  usedDays: number;
  availableDays: number;
}

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
