import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { AttendanceDay, AttendanceSheets } from '../../../application/attendance-sheets.port';

/** Month sheets from the attendance read model's `attendance_days`. */
@Injectable()
export class PostgresAttendanceSheets implements AttendanceSheets {
  constructor(private readonly runtime: ServiceRuntime) {}

  days(tenant: TenantId, employeeId: string, month: string): Promise<AttendanceDay[]> {
    return this.runtime.queryTenant<AttendanceDay>(
      tenant,
      (schema) => `select date, status, leave_request_id as "leaveRequestId" from ${schema}.attendance_days
        where employee_id = $1 and month = $2 order by date`,
      [employeeId, month],
    );
  }
}
