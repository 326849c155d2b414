/** The DI token of the service's settings, chosen once by its composition root. */
export const ATTENDANCE_SETTINGS = Symbol('AttendanceSettings');

export interface AttendanceSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  lockDays: number;
  alertWindowDays: number;
  alertMinimumRecords: number;
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { registers: string };
}
