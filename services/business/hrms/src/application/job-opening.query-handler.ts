import { Injectable } from '@nestjs/common';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { projectionName } from './command-context';

export const JOB_OPENINGS = 'hrms-job-openings';

export interface JobOpeningFilter {
  status?: 'pending' | 'approved' | 'closed';
  department?: string;
  limit: number;
  offset: number;
}

const COLUMNS = `job_opening_id as "jobOpeningId", title, department, designation, positions, description,
  status, requested_by as "requestedBy", created_at as "createdAt", approved_by as "approvedBy",
  approved_at as "approvedAt", closed_by as "closedBy", closed_at as "closedAt", close_reason as "closeReason"`;

/** The job openings board, always in the caller's tenant schema. */
@Injectable()
export class JobOpeningQueryHandler {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, { status, department, limit, offset }: JobOpeningFilter) {
    await this.consistency.await(projectionName(this.runtime, JOB_OPENINGS), caller);
    const items = await this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.job_openings
        where ($1::text is null or status = $1) and ($2::text is null or department = $2)
        order by created_at desc, job_opening_id limit $3 offset $4`,
      [status ?? null, department ?? null, limit, offset],
    );
    return { items, limit, offset };
  }

  async get(caller: Principal, jobOpeningId: string) {
    await this.consistency.await(projectionName(this.runtime, JOB_OPENINGS), caller);
    const [row] = await this.runtime.queryTenant(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.job_openings where job_opening_id = $1`,
      [jobOpeningId],
    );
    return row;
  }
}
