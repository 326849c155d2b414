import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { HRMS_SETTINGS } from './hrms-settings';
import type { HrmsSettings } from './hrms-settings';
import { LEAVE_REQUESTS } from './leave-requests.port';
import type {
  CalendarEntry,
  CalendarRange,
  LeaveRequestFilter,
  LeaveRequests,
  LeaveRequestView,
} from './leave-requests.port';
import { LEAVE_SETUP } from './leave-setup.port';
import type { BalanceFilter, HolidayListView, LeaveBalance, LeaveSetup, LeaveTypeView } from './leave-setup.port';

/** Reads of the leave read model, always in the caller's tenant: everyone in the company may look. */
@Injectable()
export class LeaveQueryHandler {
  constructor(
    @Inject(LEAVE_SETUP) private readonly setup: LeaveSetup,
    @Inject(LEAVE_REQUESTS) private readonly requests: LeaveRequests,
    @Inject(HRMS_SETTINGS) private readonly settings: HrmsSettings,
    private readonly consistency: Consistency,
  ) {}

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.leave, caller);
  }

  async leaveTypes(caller: Principal): Promise<LeaveTypeView[]> {
    await this.fresh(caller);
    return this.setup.leaveTypes(caller.tenant);
  }

  async holidayLists(caller: Principal): Promise<HolidayListView[]> {
    await this.fresh(caller);
    return this.setup.holidayLists(caller.tenant);
  }

  /** Balances per employee, type and year: allocated, held by pending or approved requests, available. */
  async balances(caller: Principal, filter: BalanceFilter): Promise<LeaveBalance[]> {
    await this.fresh(caller);
    return this.setup.balances(caller.tenant, filter);
  }

  async list(caller: Principal, filter: LeaveRequestFilter): Promise<LeaveRequestView[]> {
    await this.fresh(caller);
    return this.requests.list(caller.tenant, filter);
  }

  async request(caller: Principal, leaveRequestId: string): Promise<LeaveRequestView | undefined> {
    await this.fresh(caller);
    return this.requests.get(caller.tenant, leaveRequestId);
  }

  /** Who is away between two dates: approved and pending leave overlapping the range. */
  async calendar(caller: Principal, range: CalendarRange): Promise<CalendarEntry[]> {
    await this.fresh(caller);
    return this.requests.calendar(caller.tenant, range);
  }
}
