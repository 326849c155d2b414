import type { TenantId } from '@hexfleet/kernel';
import type { hrms } from '@hexfleet/schemas';

export type JobOpeningStatus = 'pending' | 'approved' | 'closed';

/** One opening on the board: what was asked (as created), where it stands, who moved it there. */
export interface JobOpeningView extends hrms.JobOpeningCreatedData {
  status: JobOpeningStatus;
  approvedBy: string | null;
  approvedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  closeReason: string | null;
}

export interface JobOpeningFilter {
  status?: JobOpeningStatus;
  department?: string;
  limit: number;
  offset: number;
}

/** The job openings read model (hrms-job-openings). */
export interface JobOpenings {
  /** Newest first. */
  list(tenant: TenantId, filter: JobOpeningFilter): Promise<JobOpeningView[]>;
  get(tenant: TenantId, jobOpeningId: string): Promise<JobOpeningView | undefined>;
}
export const JOB_OPENINGS = Symbol('JobOpenings');
