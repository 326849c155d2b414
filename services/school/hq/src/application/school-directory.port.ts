import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Paging } from './paging';
import type { Fence } from './school-access';

export type SchoolView = views.hq.SchoolView;
export type SchoolPage = views.hq.SchoolPage;

export interface SchoolFilter extends Paging {
  status?: views.hq.SchoolStatus;
}

/** The schools of a tenant, by code: the read model `hq-schools`. */
export interface SchoolDirectory {
  /** The schools inside the fence, by code. */
  page(tenant: TenantId, fence: Fence, filter: SchoolFilter): Promise<SchoolPage>;
  find(tenant: TenantId, schoolId: string): Promise<SchoolView | undefined>;
}

export const SCHOOL_DIRECTORY = Symbol('SchoolDirectory');
