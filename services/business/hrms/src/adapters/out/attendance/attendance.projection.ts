import { readModel } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/** Attendance per employee and day, queried by month: the latest mark of a day wins, a cleared day is gone. */
export const attendance = readModel<hrms.HrmsAttendanceV1Event>({
  name: 'hrms-attendance',
  topics: ['hrms.attendance.v1'],
  tables: ['attendance_days'],
  migrations: [
    (schema) => `create table ${schema}.attendance_days (
      employee_id text not null,
      date text not null,
      month text not null,
      status text not null,
      leave_request_id text,
      primary key (employee_id, date))`,
    (schema) => `create index on ${schema}.attendance_days (month, employee_id)`,
  ],
  on: {
    async EmployeeAttendanceMarked({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.attendance_days (employee_id, date, month, status, leave_request_id)
         values ($1, $2, $3, $4, $5)
         on conflict (employee_id, date) do update set status = $4, leave_request_id = $5`,
        [data.employeeId, data.date, data.date.slice(0, 7), data.status, data.leaveRequestId],
      );
    },
    async EmployeeAttendanceCleared({ data }, { tx, schema }) {
      await tx.query(`delete from ${schema}.attendance_days where employee_id = $1 and date = $2`, [
        data.employeeId,
        data.date,
      ]);
    },
  },
});
