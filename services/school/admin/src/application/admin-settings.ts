/** The DI token of the service's settings, chosen once by its composition root. */
export const ADMIN_SETTINGS = Symbol('AdminSettings');

export interface AdminSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** The largest CSV an import accepts, in bytes. */
  importMaxBytes: number;
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { structure: string; roster: string; timetable: string; imports: string };
}
