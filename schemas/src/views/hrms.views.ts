import type { EmployeeHiredData } from '../contracts/hrms.contracts';

/**
 * What HRMS's REST API answers, typed once: the service's read models return
 * these and the gateway's GraphQL types implement them, so neither side can
 * drift from the other (a field added here fails to compile where it is missing).
 */

export type EmploymentStatus = 'active' | 'separated';

/** One employee as the directory shows them: who they are as hired, current placement and status. */
export interface DirectoryEntry extends Pick<
  EmployeeHiredData,
  | 'employeeId'
  | 'firstName'
  | 'lastName'
  | 'workEmail'
  | 'department'
  | 'designation'
  | 'employmentType'
  | 'managerId'
  | 'userId'
  | 'holidayListId'
  | 'joiningDate'
> {
  relievingDate: string | null;
  status: EmploymentStatus;
}
