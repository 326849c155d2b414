import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { AcademicYears, AcademicYearView } from '../../../application/academic-years.port';
import type { Page, Paging } from '../../../application/paging';
import type { Fence } from '../../../application/school-access';
import { pagedQuery } from '../paged-query';

const COLUMNS = `year_id as "yearId", name, start_date as "startDate", end_date as "endDate", terms,
  school_ids as "schoolIds", published_at as "publishedAt"`;

/** The read model `hq-academic-years` (see academic-years.projection.ts). */
@Injectable()
export class PostgresAcademicYears implements AcademicYears {
  constructor(private readonly runtime: ServiceRuntime) {}

  page(tenant: TenantId, fence: Fence, paging: Paging): Promise<Page<AcademicYearView>> {
    return pagedQuery<AcademicYearView>(
      this.runtime,
      tenant,
      {
        table: 'academic_years',
        columns: COLUMNS,
        // $1: the fenced caller's schools (null for HQ): a year for every school, or for one of theirs.
        where: `$1::text[] is null or cardinality(school_ids) = 0 or school_ids && $1`,
        orderBy: 'start_date desc, year_id',
        params: [fence.all ? null : fence.schoolIds],
      },
      paging,
    );
  }

  async find(tenant: TenantId, yearId: string): Promise<AcademicYearView | undefined> {
    const [row] = await this.runtime.queryTenant<AcademicYearView>(
      tenant,
      (schema) => `select ${COLUMNS} from ${schema}.academic_years where year_id = $1`,
      [yearId],
    );
    return row;
  }
}
