import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the directory answers: typed once, in the contracts the gateway implements too. */
export type DirectoryEntry = views.hrms.DirectoryEntry;
export type EmploymentStatus = views.hrms.EmploymentStatus;

export interface DirectoryFilter {
  department?: string;
  designation?: string;
  managerId?: string;
  status?: EmploymentStatus;
  /** Matches first name, last name or work email, case-insensitively. */
  search?: string;
  /** Exactly these employees (a batch lookup, e.g. the gateway's DataLoader). */
  ids?: string[];
  limit: number;
  offset: number;
}

/** A page of the directory and how many entries match in all. */
export interface DirectoryPage {
  items: DirectoryEntry[];
  total: number;
}

/** The employee directory read model (hrms-employee-directory), one tenant at a time. */
export interface EmployeeDirectory {
  list(tenant: TenantId, filter: DirectoryFilter): Promise<DirectoryPage>;
  get(tenant: TenantId, employeeId: string): Promise<DirectoryEntry | undefined>;
  /** The employee whose hire named this identity user, if any. */
  byUser(tenant: TenantId, userId: string): Promise<DirectoryEntry | undefined>;
}
export const EMPLOYEE_DIRECTORY = Symbol('EmployeeDirectory');
