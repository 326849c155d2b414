import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { attendanceDecider, attendanceSheetId, employeeDecider, employeeFacts, monthOf } from '../domain';

export interface AttendanceMark {
  employeeId: string;
  date: string;
  /** `on_leave` comes only from an approved leave. */
  status: Exclude<hrms.AttendanceStatus, 'on_leave'>;
}

/**
 * Attendance by hand, on the month sheet `<tenant>/attendance/<employeeId>.<YYYY-MM>`
 * (leave marks its days itself, on approval), decided on the employee's current stream.
 */
@Injectable()
export class AttendanceCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async mark(caller: Principal, data: AttendanceMark) {
    const { employeeId, date } = data;
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const employee = await tx.load(employeeDecider, 'employee', employeeId);
        const sheet = await tx.load(attendanceDecider, 'attendance', attendanceSheetId(employeeId, monthOf(date)));
        const command = {
          type: 'MarkAttendance' as const,
          data: { ...data, markedBy: caller.userId, employee: employeeFacts(employee.state) },
          metadata: { now: this.time.now() },
        };
        tx.append(sheet, attendanceDecider.decide(command, sheet.state));
      },
      { retries: 3 },
    );
    return { employeeId, date, outcome: outcome.status };
  }
}
