/** DI token of what HRMS was composed with that its handlers read. */
export const HRMS_SETTINGS = Symbol('HrmsSettings');

export interface HrmsSettings {
  /**
   * The read models' running names (`<name><PROJECTION_SUFFIX>`), by role: a
   * command's consistency token is awaited against the projection that runs.
   */
  readModels: {
    directory: string;
    leave: string;
    attendance: string;
    payrollPeriods: string;
    jobOpenings: string;
  };
}
