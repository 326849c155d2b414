import { Injectable } from '@nestjs/common';
import { Commands, Consistency, ServiceRuntime } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { attendanceDecider, attendanceSheetId, employeeDecider, employeeFacts, monthOf } from '../domain';
import { at, projectionName } from './command-context';

export const ATTENDANCE_READ_MODEL = 'hrms-attendance';

/** Attendance by hand (leave marks its days itself, on approval), and the month sheet read back. */
@Injectable()
export class AttendanceHandler {
  constructor(
    private readonly commands: Commands,
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  async mark(
    caller: Principal,
    data: { employeeId: string; date: string; status: Exclude<hrms.AttendanceStatus, 'on_leave'> },
  ) {
    const { employeeId, date } = data;
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const employee = await tx.load(employeeDecider, 'employee', employeeId);
        const sheet = await tx.load(attendanceDecider, 'attendance', attendanceSheetId(employeeId, monthOf(date)));
        const command = {
          type: 'MarkAttendance' as const,
          data: { ...data, markedBy: caller.userId, employee: employeeFacts(employee.state) },
          metadata: at(),
        };
        tx.append(sheet, attendanceDecider.decide(command, sheet.state));
      },
      { retries: 3 },
    );
    return { employeeId, date, outcome: outcome.status };
  }

  /** One employee's month: every marked day, and the totals payroll and managers look at. */
  async month(caller: Principal, employeeId: string, month: string) {
    await this.consistency.await(projectionName(this.runtime, ATTENDANCE_READ_MODEL), caller);
    const days = await this.runtime.queryTenant<{ date: string; status: string; leaveRequestId: string | null }>(
      caller.tenant,
      (schema) => `select date, status, leave_request_id as "leaveRequestId" from ${schema}.attendance_days
        where employee_id = $1 and month = $2 order by date`,
      [employeeId, month],
    );
    const count = (status: string) => days.filter((day) => day.status === status).length;
    return {
      employeeId,
      month,
      days,
      totals: {
        present: count('present'),
        absent: count('absent'),
        halfDay: count('half_day'),
        onLeave: count('on_leave'),
      },
    };
  }
}
