/** The DI token of the service's settings, chosen once by its composition root. */
export const HQ_SETTINGS = Symbol('HqSettings');

export interface HqSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** Schools a rollover request steps at most; running it again goes on from there. */
  rolloverSchoolsPerRun: number;
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { schools: string; policies: string; academicYears: string; dashboard: string };
}
