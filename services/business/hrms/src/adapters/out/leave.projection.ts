import type { Projection } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

type Row = { sql: string; params: unknown[] };
const STATUS_AFTER: Record<string, string> = {
  LeaveApproved: 'approved',
  LeaveRejected: 'rejected',
  LeaveCancelled: 'cancelled',
};

/** The statement each leave event implies; `s` is the quoted tenant schema. */
function statementFor(type: string, data: Record<string, unknown>, s: string): Row | undefined {
  switch (type) {
    case 'LeaveTypeDefined': {
      const e = data as unknown as hrms.LeaveTypeDefinedData;
      return {
        sql: `insert into ${s}.leave_types (leave_type_id, name, unpaid) values ($1, $2, $3) on conflict do nothing`,
        params: [e.leaveTypeId, e.name, e.unpaid],
      };
    }
    case 'HolidayListPublished': {
      const e = data as unknown as hrms.HolidayListPublishedData;
      return {
        sql: `insert into ${s}.holiday_lists (holiday_list_id, name, from_date, to_date, holidays)
              values ($1, $2, $3, $4, $5) on conflict do nothing`,
        params: [e.holidayListId, e.name, e.fromDate, e.toDate, JSON.stringify(e.holidays)],
      };
    }
    case 'HolidayListRevised': {
      const e = data as unknown as hrms.HolidayListRevisedData;
      return {
        sql: `update ${s}.holiday_lists set holidays = $2 where holiday_list_id = $1`,
        params: [e.holidayListId, JSON.stringify(e.holidays)],
      };
    }
    case 'LeaveAllocated': {
      const e = data as unknown as hrms.LeaveAllocatedData;
      // A top-up moves both the total and what is still free by the days added.
      return {
        sql: `insert into ${s}.leave_balances (allocation_id, employee_id, leave_type_id, year, total_days, available_days)
              values ($1, $2, $3, $4, $5, $5) on conflict (allocation_id) do update
              set total_days = $5, available_days = leave_balances.available_days + $6`,
        params: [e.allocationId, e.employeeId, e.leaveTypeId, e.year, e.totalDays, e.days],
      };
    }
    case 'LeaveDaysReserved':
    case 'LeaveDaysReleased': {
      const e = data as unknown as hrms.LeaveDaysReservedData;
      return {
        sql: `update ${s}.leave_balances set available_days = $2 where allocation_id = $1`,
        params: [e.allocationId, e.remainingDays],
      };
    }
    case 'LeaveRequested': {
      const e = data as unknown as hrms.LeaveRequestedData;
      return {
        sql: `insert into ${s}.leave_requests (leave_request_id, employee_id, leave_type_id, unpaid, from_date, to_date,
                total_days, leave_days, status, reason) values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)
              on conflict do nothing`,
        params: [
          e.leaveRequestId,
          e.employeeId,
          e.leaveTypeId,
          e.unpaid,
          e.fromDate,
          e.toDate,
          e.totalDays,
          JSON.stringify(e.leaveDays),
          e.reason,
        ],
      };
    }
    case 'LeaveApproved':
    case 'LeaveRejected':
    case 'LeaveCancelled':
      return {
        sql: `update ${s}.leave_requests set status = $2 where leave_request_id = $1`,
        params: [data.leaveRequestId, STATUS_AFTER[type]],
      };
    default:
      return undefined;
  }
}

/** Leave types, holiday lists, balances and requests: what leave screens, the calendar and leave commands read. */
export const leaveProjection: Projection = {
  name: 'hrms-leave',
  topics: ['hrms.leave-type.v1', 'hrms.holiday-list.v1', 'hrms.leave-allocation.v1', 'hrms.leave-request.v1'],
  tables: ['leave_types', 'holiday_lists', 'leave_balances', 'leave_requests'],
  migrations: [
    (s) =>
      `create table ${s}.leave_types (leave_type_id text primary key, name text not null, unpaid boolean not null)`,
    (s) => `create table ${s}.holiday_lists (holiday_list_id text primary key, name text not null,
      from_date text not null, to_date text not null, holidays jsonb not null)`,
    (s) => `create table ${s}.leave_balances (allocation_id text primary key, employee_id text not null,
      leave_type_id text not null, year int not null, total_days numeric not null, available_days numeric not null)`,
    (s) => `create table ${s}.leave_requests (leave_request_id text primary key, employee_id text not null,
      leave_type_id text not null, unpaid boolean not null, from_date text not null, to_date text not null,
      total_days numeric not null, leave_days jsonb not null, status text not null, reason text not null)`,
    (s) => `create index on ${s}.leave_requests (employee_id, status)`,
    (s) => `create index on ${s}.leave_requests (from_date, to_date)`,
  ],
  async apply(event, { tx, schema }) {
    const statement = statementFor(event.type.split('.').pop() ?? '', event.data, schema);
    if (statement) await tx.query(statement.sql, statement.params);
  },
};
