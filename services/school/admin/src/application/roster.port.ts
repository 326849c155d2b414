import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Page, Paging } from './paging';

export interface StudentFilter extends Paging {
  schoolId: string;
  /** Part of a name or the admission number. */
  q?: string;
  status?: views.admin.StudentStatus;
  yearId?: string;
}

/** Students and who is in which group: the read model `admin-roster`. */
export interface Roster {
  members(tenant: TenantId, groupId: string): Promise<views.admin.GroupMemberView[]>;
  student(tenant: TenantId, studentId: string): Promise<views.admin.StudentView | undefined>;
  students(tenant: TenantId, filter: StudentFilter): Promise<Page<views.admin.StudentView>>;
}

export const ROSTER = Symbol('Roster');
