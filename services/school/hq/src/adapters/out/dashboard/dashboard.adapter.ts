import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Dashboards, SeriesQuery } from '../../../application/dashboards.port';
import type { Point } from '../../../domain';

/** The period a day (text `YYYY-MM-DD`) falls in: itself, or its ISO week's Monday. */
const PERIOD = {
  day: (column: string) => column,
  week: (column: string) => `to_char(date_trunc('week', ${column}::date), 'YYYY-MM-DD')`,
};

/** The read model `hq-dashboard` (see dashboard.projection.ts): counts per period, in one query each. */
@Injectable()
export class PostgresDashboards implements Dashboards {
  constructor(private readonly runtime: ServiceRuntime) {}

  overdueLoans(tenant: TenantId, query: SeriesQuery): Promise<Point[]> {
    // A loan overdue on several days of a week counts once for the week.
    return this.count(tenant, query, 'overdue_loans', 'day', 'count(distinct loan_id)', 'true');
  }

  enrolments(tenant: TenantId, query: SeriesQuery): Promise<Point[]> {
    return this.count(tenant, query, 'enrolments', 'day', 'count(*)', 'true');
  }

  withdrawals(tenant: TenantId, query: SeriesQuery): Promise<Point[]> {
    return this.count(tenant, query, 'withdrawals', 'day', 'count(*)', 'true');
  }

  upcomingEvents(tenant: TenantId, query: SeriesQuery): Promise<Point[]> {
    return this.count(tenant, query, 'school_events', 'start_date', 'count(*)', 'published and not cancelled');
  }

  private async count(
    tenant: TenantId,
    { fence, from, to, interval }: SeriesQuery,
    table: string,
    day: string,
    measure: string,
    condition: string,
  ): Promise<Point[]> {
    const period = PERIOD[interval](day);
    // $1: the fence (null for every school); the week of `from` starts before it, so bound by the period.
    const rows = await this.runtime.queryTenant<{ period: string; value: string }>(
      tenant,
      (schema) => `select ${period} as period, ${measure} as value from ${schema}.${table}
        where ($1::text[] is null or school_id = any($1)) and ${period} >= ${PERIOD[interval]('$2::text')}
          and ${day} <= $3 and ${condition}
        group by 1`,
      [fence.all ? null : fence.schoolIds, from, to],
    );
    return rows.map((row) => ({ period: row.period, value: Number(row.value) }));
  }
}
