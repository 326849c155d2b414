import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { JobOpeningFilter, JobOpenings, JobOpeningView } from '../../../application/job-openings.port';

const COLUMNS = `job_opening_id as "jobOpeningId", title, department, designation, positions, description,
  status, requested_by as "requestedBy", created_at as "createdAt", approved_by as "approvedBy",
  approved_at as "approvedAt", closed_by as "closedBy", closed_at as "closedAt", close_reason as "closeReason"`;

/** The board from the job openings read model's `job_openings`. */
@Injectable()
export class PostgresJobOpenings implements JobOpenings {
  constructor(private readonly runtime: ServiceRuntime) {}

  list(tenant: TenantId, { status, department, limit, offset }: JobOpeningFilter): Promise<JobOpeningView[]> {
    return this.runtime.queryTenant<JobOpeningView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.job_openings
        where ($1::text is null or status = $1) and ($2::text is null or department = $2)
        order by created_at desc, job_opening_id limit $3 offset $4`,
      [status ?? null, department ?? null, limit, offset],
    );
  }

  async get(tenant: TenantId, jobOpeningId: string): Promise<JobOpeningView | undefined> {
    const [row] = await this.runtime.queryTenant<JobOpeningView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.job_openings where job_opening_id = $1`,
      [jobOpeningId],
    );
    return row;
  }
}
