import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';
import type { LeaveRequestStatus } from '../../../application/leave-requests.port';

type LeaveEvent =
  | hrms.HrmsLeaveTypeV1Event
  | hrms.HrmsHolidayListV1Event
  | hrms.HrmsLeaveAllocationV1Event
  | hrms.HrmsLeaveRequestV1Event;

/** A reservation or a release leaves the allocation with `remainingDays` free. */
async function setAvailable(
  { data }: ConsumedEvent<hrms.LeaveDaysReserved | hrms.LeaveDaysReleased>,
  { tx, schema }: ProjectionContext,
) {
  await tx.query(`update ${schema}.leave_balances set available_days = $2 where allocation_id = $1`, [
    data.allocationId,
    data.remainingDays,
  ]);
}

/** A decision on a request moves it to its new status. */
const setStatus =
  (status: LeaveRequestStatus) =>
  async (
    { data }: ConsumedEvent<hrms.LeaveApproved | hrms.LeaveRejected | hrms.LeaveCancelled>,
    { tx, schema }: ProjectionContext,
  ) => {
    await tx.query(`update ${schema}.leave_requests set status = $2 where leave_request_id = $1`, [
      data.leaveRequestId,
      status,
    ]);
  };

/** Leave types, holiday lists, balances and requests: what leave screens, the calendar and leave commands read. */
export const leave = readModel<LeaveEvent>({
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
  on: {
    async LeaveTypeDefined({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.leave_types (leave_type_id, name, unpaid) values ($1, $2, $3) on conflict do nothing`,
        [data.leaveTypeId, data.name, data.unpaid],
      );
    },
    async HolidayListPublished({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.holiday_lists (holiday_list_id, name, from_date, to_date, holidays)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [data.holidayListId, data.name, data.fromDate, data.toDate, JSON.stringify(data.holidays)],
      );
    },
    async HolidayListRevised({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.holiday_lists set holidays = $2 where holiday_list_id = $1`, [
        data.holidayListId,
        JSON.stringify(data.holidays),
      ]);
    },
    async LeaveAllocated({ data }, { tx, schema }) {
      // A top-up moves both the total and what is still free by the days added.
      await tx.query(
        `insert into ${schema}.leave_balances (allocation_id, employee_id, leave_type_id, year, total_days, available_days)
         values ($1, $2, $3, $4, $5, $5) on conflict (allocation_id) do update
         set total_days = $5, available_days = leave_balances.available_days + $6`,
        [data.allocationId, data.employeeId, data.leaveTypeId, data.year, data.totalDays, data.days],
      );
    },
    LeaveDaysReserved: setAvailable,
    LeaveDaysReleased: setAvailable,
    async LeaveRequested({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.leave_requests (leave_request_id, employee_id, leave_type_id, unpaid, from_date, to_date,
           total_days, leave_days, status, reason) values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)
         on conflict do nothing`,
        [
          data.leaveRequestId,
          data.employeeId,
          data.leaveTypeId,
          data.unpaid,
          data.fromDate,
          data.toDate,
          data.totalDays,
          JSON.stringify(data.leaveDays),
          data.reason,
        ],
      );
    },
    LeaveApproved: setStatus('approved'),
    LeaveRejected: setStatus('rejected'),
    LeaveCancelled: setStatus('cancelled'),
  },
});
