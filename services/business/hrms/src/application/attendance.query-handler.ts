import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { ATTENDANCE_SHEETS } from './attendance-sheets.port';
import type { AttendanceSheet, AttendanceSheets } from './attendance-sheets.port';
import { HRMS_SETTINGS } from './hrms-settings';
import type { HrmsSettings } from './hrms-settings';

/** The month sheet read back: every marked day, and the totals payroll and managers look at. */
@Injectable()
export class AttendanceQueryHandler {
  constructor(
    @Inject(ATTENDANCE_SHEETS) private readonly sheets: AttendanceSheets,
    @Inject(HRMS_SETTINGS) private readonly settings: HrmsSettings,
    private readonly consistency: Consistency,
  ) {}

  async month(caller: Principal, employeeId: string, month: string): Promise<AttendanceSheet> {
    await this.consistency.await(this.settings.readModels.attendance, caller);
    const days = await this.sheets.days(caller.tenant, employeeId, month);
    const count = (status: hrms.AttendanceStatus) => days.filter((day) => day.status === status).length;
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
