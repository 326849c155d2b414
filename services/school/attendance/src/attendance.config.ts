import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Attendance service is composed with: the platform's common options and its own settings. */
export interface AttendanceOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
}

const schema = z.object({
  ATTENDANCE_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function attendanceEnv(env: NodeJS.ProcessEnv): Omit<AttendanceOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid attendance configuration: ${problems}`);
  }
  return { defaultPageSize: parsed.data.ATTENDANCE_DEFAULT_PAGE_SIZE };
}
