import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Fence } from '../../../application/school-access';
import { pagedQuery } from '../paged-query';
import type { SchoolDirectory, SchoolFilter, SchoolPage, SchoolView } from '../../../application/school-directory.port';

/** The view's columns, written once for every query. */
const COLUMNS = `school_id as "schoolId", code, name, time_zone as "timeZone", status,
  principal_user_id as "principalUserId", current_year_id as "currentYearId", opened_at as "openedAt",
  closed_at as "closedAt", close_reason as "closeReason"`;

/** The read model `hq-schools` (see schools.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresSchoolDirectory implements SchoolDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  page(tenant: TenantId, fence: Fence, { status, ...paging }: SchoolFilter): Promise<SchoolPage> {
    return pagedQuery<SchoolView>(
      this.runtime,
      tenant,
      {
        table: 'schools',
        columns: COLUMNS,
        // $1: the fence (null for every school), $2: the status (null for any).
        where: `($1::text[] is null or school_id = any($1)) and ($2::text is null or status = $2)`,
        orderBy: 'code',
        params: [fence.all ? null : fence.schoolIds, status ?? null],
      },
      paging,
    );
  }

  async find(tenant: TenantId, schoolId: string): Promise<SchoolView | undefined> {
    const [row] = await this.runtime.queryTenant<SchoolView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.schools where school_id = $1`,
      [schoolId],
    );
    return row;
  }
}
