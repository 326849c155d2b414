import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  BalanceFilter,
  HolidayListView,
  LeaveBalance,
  LeaveSetup,
  LeaveTypeView,
} from '../../../application/leave-setup.port';

/** Leave types, holiday lists and balances from the leave read model's tables. */
@Injectable()
export class PostgresLeaveSetup implements LeaveSetup {
  constructor(private readonly runtime: ServiceRuntime) {}

  leaveTypes(tenant: TenantId): Promise<LeaveTypeView[]> {
    return this.runtime.queryTenant<LeaveTypeView>(
      tenant,
      (schema) => `select leave_type_id as "leaveTypeId", name, unpaid from ${schema}.leave_types order by name`,
    );
  }

  holidayLists(tenant: TenantId): Promise<HolidayListView[]> {
    return this.runtime.queryTenant<HolidayListView>(
      tenant,
      (schema) => `select holiday_list_id as "holidayListId", name, from_date as "fromDate", to_date as "toDate",
        holidays from ${schema}.holiday_lists order by from_date, name`,
    );
  }

  balances(tenant: TenantId, filter: BalanceFilter): Promise<LeaveBalance[]> {
    return this.runtime.queryTenant<LeaveBalance>(
      tenant,
      (schema) => `select b.allocation_id as "allocationId", b.employee_id as "employeeId",
        b.leave_type_id as "leaveTypeId", t.name as "leaveType", b.year, b.total_days::float as "totalDays",
        (b.total_days - b.available_days)::float as "usedDays", b.available_days::float as "availableDays"
        from ${schema}.leave_balances b left join ${schema}.leave_types t using (leave_type_id)
        where ($1::text is null or b.employee_id = $1) and ($2::int is null or b.year = $2)
        order by b.employee_id, b.year, t.name`,
      [filter.employeeId ?? null, filter.year ?? null],
    );
  }
}
