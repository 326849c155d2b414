import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { HRMS_SETTINGS } from './hrms-settings';
import type { HrmsSettings } from './hrms-settings';
import { JOB_OPENINGS } from './job-openings.port';
import type { JobOpeningFilter, JobOpenings, JobOpeningView } from './job-openings.port';

/** The job openings board, always in the caller's tenant: everyone sees it. */
@Injectable()
export class JobOpeningQueryHandler {
  constructor(
    @Inject(JOB_OPENINGS) private readonly openings: JobOpenings,
    @Inject(HRMS_SETTINGS) private readonly settings: HrmsSettings,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, filter: JobOpeningFilter) {
    await this.consistency.await(this.settings.readModels.jobOpenings, caller);
    const items = await this.openings.list(caller.tenant, filter);
    return { items, limit: filter.limit, offset: filter.offset };
  }

  async get(caller: Principal, jobOpeningId: string): Promise<JobOpeningView | undefined> {
    await this.consistency.await(this.settings.readModels.jobOpenings, caller);
    return this.openings.get(caller.tenant, jobOpeningId);
  }
}
