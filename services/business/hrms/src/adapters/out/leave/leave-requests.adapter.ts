import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  CalendarEntry,
  CalendarRange,
  LeaveRequestFilter,
  LeaveRequests,
  LeaveRequestView,
  OpenLeave,
} from '../../../application/leave-requests.port';

/** A request's columns as its view's fields, from `leave_requests` under the alias `r`. */
const REQUEST_COLUMNS = `r.leave_request_id as "leaveRequestId", r.employee_id as "employeeId",
  r.leave_type_id as "leaveTypeId", r.unpaid, r.from_date as "fromDate", r.to_date as "toDate",
  r.total_days::float as "totalDays", r.leave_days as "leaveDays", r.status, r.reason`;

/** Leave requests from the leave read model's `leave_requests`. */
@Injectable()
export class PostgresLeaveRequests implements LeaveRequests {
  constructor(private readonly runtime: ServiceRuntime) {}

  list(tenant: TenantId, filter: LeaveRequestFilter): Promise<LeaveRequestView[]> {
    return this.runtime.queryTenant<LeaveRequestView>(
      tenant,
      (schema) => `select ${REQUEST_COLUMNS} from ${schema}.leave_requests r
        where ($1::text is null or r.employee_id = $1) and ($2::text is null or r.status = $2)
        order by r.from_date desc, r.leave_request_id limit $3 offset $4`,
      [filter.employeeId ?? null, filter.status ?? null, filter.limit, filter.offset],
    );
  }

  async get(tenant: TenantId, leaveRequestId: string): Promise<LeaveRequestView | undefined> {
    const [row] = await this.runtime.queryTenant<LeaveRequestView>(
      tenant,
      (schema) => `select ${REQUEST_COLUMNS} from ${schema}.leave_requests r where r.leave_request_id = $1`,
      [leaveRequestId],
    );
    return row;
  }

  /**
   * Names and departments come from the employee directory's `employees`, which
   * its own read model keeps in the same tenant schema: one query, not one per person.
   */
  calendar(tenant: TenantId, range: CalendarRange): Promise<CalendarEntry[]> {
    return this.runtime.queryTenant<CalendarEntry>(
      tenant,
      (schema) => `select ${REQUEST_COLUMNS},
        e.first_name as "firstName", e.last_name as "lastName", e.department
        from ${schema}.leave_requests r left join ${schema}.employees e using (employee_id)
        where r.status in ('pending', 'approved') and r.from_date <= $2 and r.to_date >= $1
          and ($3::text is null or e.department = $3)
        order by r.from_date, r.employee_id`,
      [range.fromDate, range.toDate, range.department ?? null],
    );
  }

  open(tenant: TenantId, employeeId: string): Promise<OpenLeave[]> {
    return this.runtime.queryTenant<OpenLeave>(
      tenant,
      (schema) => `select leave_request_id as "leaveRequestId", from_date as "fromDate", to_date as "toDate"
        from ${schema}.leave_requests where employee_id = $1 and status in ('pending', 'approved')`,
      [employeeId],
    );
  }
}
