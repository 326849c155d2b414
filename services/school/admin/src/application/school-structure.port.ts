import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Page, Paging } from './paging';

export interface GroupFilter extends Paging {
  schoolId: string;
  yearId?: string;
}

/** A school's years and terms, subjects and groups: the read model `admin-structure`. */
export interface SchoolStructure {
  years(tenant: TenantId, schoolId: string): Promise<views.admin.AcademicYearView[]>;
  subjects(tenant: TenantId, schoolId: string): Promise<views.admin.SubjectView[]>;
  groups(tenant: TenantId, filter: GroupFilter): Promise<Page<views.admin.GroupView>>;
  group(tenant: TenantId, groupId: string): Promise<views.admin.GroupView | undefined>;
}

export const SCHOOL_STRUCTURE = Symbol('SchoolStructure');
