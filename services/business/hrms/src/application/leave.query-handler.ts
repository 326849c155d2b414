import { Injectable } from '@nestjs/common';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { TenantId } from '@hexfleet/kernel';
import { projectionName } from './command-context';

export const LEAVE_READ_MODEL = 'hrms-leave';
export const PAYROLL_PERIODS = 'hrms-payroll-periods';

const requestColumns = (r: string) => `${r}.leave_request_id as "leaveRequestId", ${r}.employee_id as "employeeId",
  ${r}.leave_type_id as "leaveTypeId", ${r}.unpaid, ${r}.from_date as "fromDate", ${r}.to_date as "toDate",
  ${r}.total_days::float as "totalDays", ${r}.leave_days as "leaveDays", ${r}.status, ${r}.reason`;
const REQUEST_COLUMNS = requestColumns('leave_requests');

/** Reads of the leave read model, and the facts leave commands take from it. */
@Injectable()
export class LeaveQueryHandler {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  private fresh(caller: Principal) {
    return this.consistency.await(projectionName(this.runtime, LEAVE_READ_MODEL), caller);
  }

  async leaveTypes(caller: Principal) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select leave_type_id as "leaveTypeId", name, unpaid from ${schema}.leave_types order by name`,
    );
  }

  async holidayLists(caller: Principal) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select holiday_list_id as "holidayListId", name, from_date as "fromDate", to_date as "toDate",
        holidays from ${schema}.holiday_lists order by from_date, name`,
    );
  }

  /** Balances per employee, type and year: allocated, held by pending or approved requests, available. */
  async balances(caller: Principal, filter: { employeeId?: string; year?: number }) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select b.allocation_id as "allocationId", b.employee_id as "employeeId",
        b.leave_type_id as "leaveTypeId", t.name as "leaveType", b.year, b.total_days::float as "totalDays",
        (b.total_days - b.available_days)::float as "usedDays", b.available_days::float as "availableDays"
        from ${schema}.leave_balances b left join ${schema}.leave_types t using (leave_type_id)
        where ($1::text is null or b.employee_id = $1) and ($2::int is null or b.year = $2)
        order by b.employee_id, b.year, t.name`,
      [filter.employeeId ?? null, filter.year ?? null],
    );
  }

  async requests(caller: Principal, filter: { employeeId?: string; status?: string; limit: number; offset: number }) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select ${REQUEST_COLUMNS} from ${schema}.leave_requests
        where ($1::text is null or employee_id = $1) and ($2::text is null or status = $2)
        order by from_date desc, leave_request_id limit $3 offset $4`,
      [filter.employeeId ?? null, filter.status ?? null, filter.limit, filter.offset],
    );
  }

  async request(caller: Principal, leaveRequestId: string) {
    await this.fresh(caller);
    const [row] = await this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select ${REQUEST_COLUMNS} from ${schema}.leave_requests where leave_request_id = $1`,
      [leaveRequestId],
    );
    return row;
  }

  /** Who is away between two dates: approved and pending leave overlapping the range. */
  async calendar(caller: Principal, range: { fromDate: string; toDate: string; department?: string }) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select ${requestColumns('r')},
        e.first_name as "firstName", e.last_name as "lastName", e.department
        from ${schema}.leave_requests r left join ${schema}.employees e using (employee_id)
        where r.status in ('pending', 'approved') and r.from_date <= $2 and r.to_date >= $1
          and ($3::text is null or e.department = $3)
        order by r.from_date, r.employee_id`,
      [range.fromDate, range.toDate, range.department ?? null],
    );
  }

  /** ApplyForLeave's `otherLeaves`: the employee's pending and approved requests. */
  async openLeaves(tenant: TenantId, employeeId: string) {
    return this.runtime.queryTenant<{ leaveRequestId: string; fromDate: string; toDate: string }>(
      tenant,
      (schema) => `select leave_request_id as "leaveRequestId", from_date as "fromDate", to_date as "toDate"
        from ${schema}.leave_requests where employee_id = $1 and status in ('pending', 'approved')`,
      [employeeId],
    );
  }

  /** The `YYYY-MM` periods whose payroll run is finalized, as payroll announced them. */
  async finalizedPeriods(tenant: TenantId): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ period: string }>(
      tenant,
      (schema) => `select distinct period from ${schema}.finalized_periods`,
    );
    return rows.map((row) => row.period);
  }
}
