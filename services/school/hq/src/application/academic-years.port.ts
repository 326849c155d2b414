import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';
import type { Page, Paging } from './paging';
import type { Fence } from './school-access';

export type AcademicYearView = views.hq.AcademicYearView;

/** The published academic-year templates: the read model `hq-academic-years`. */
export interface AcademicYears {
  /** Newest first; a fenced caller sees the years published to every school or to one of theirs. */
  page(tenant: TenantId, fence: Fence, paging: Paging): Promise<Page<AcademicYearView>>;
  find(tenant: TenantId, yearId: string): Promise<AcademicYearView | undefined>;
}

export const ACADEMIC_YEARS = Symbol('AcademicYears');
