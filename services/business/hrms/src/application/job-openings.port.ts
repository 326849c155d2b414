import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the board answers: typed once, in the contracts the gateway implements too. */
export type JobOpeningStatus = views.hrms.JobOpeningStatus;
export type JobOpeningView = views.hrms.JobOpeningView;

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
