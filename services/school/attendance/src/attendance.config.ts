import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Attendance service is composed with: the platform's common options and its own settings. */
export interface AttendanceOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** A register locks this many days after its day (0: the next day); then only corrections with a reason (ADR 0050). */
  lockDays: number;
  /** The rolling window of the absence alert, in days (ADR 0051). */
  alertWindowDays: number;
  /** Fewer counted records than this in the window raise no alert yet. */
  alertMinimumRecords: number;
}

const schema = z.object({
  ATTENDANCE_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
  ATTENDANCE_LOCK_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  ATTENDANCE_ALERT_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(28),
  ATTENDANCE_ALERT_MINIMUM_RECORDS: z.coerce.number().int().min(1).max(1000).default(10),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function attendanceEnv(env: NodeJS.ProcessEnv): Omit<AttendanceOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid attendance configuration: ${problems}`);
  }
  return {
    defaultPageSize: parsed.data.ATTENDANCE_DEFAULT_PAGE_SIZE,
    lockDays: parsed.data.ATTENDANCE_LOCK_DAYS,
    alertWindowDays: parsed.data.ATTENDANCE_ALERT_WINDOW_DAYS,
    alertMinimumRecords: parsed.data.ATTENDANCE_ALERT_MINIMUM_RECORDS,
  };
}
