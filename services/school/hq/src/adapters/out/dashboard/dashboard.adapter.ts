import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Dashboards, SeriesQuery } from '../../../application/dashboards.port';
import type { AttendanceCounts, Point } from '../../../domain';

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

  async attendance(tenant: TenantId, query: SeriesQuery): Promise<AttendanceCounts[]> {
    const rows = await this.perPeriod<{ period: string; attended: string; absent: string; excused: string }>(
      tenant,
      query,
      'attendance_registers',
      'day',
      'sum(attended) as attended, sum(absent) as absent, sum(excused) as excused',
      () => 'not withdrawn',
    );
    return rows.map((row) => ({
      period: row.period,
      attended: Number(row.attended),
      absent: Number(row.absent),
      excused: Number(row.excused),
    }));
  }

  absentStudents(tenant: TenantId, query: SeriesQuery): Promise<Point[]> {
    // A student absent from several lessons (or days of a week) counts once for the period.
    return this.count(
      tenant,
      query,
      'absences',
      'day',
      'count(distinct student_id)',
      (schema) => `not cleared and not exists (select 1 from ${schema}.attendance_registers r
        where r.register_id = absences.register_id and r.withdrawn)`,
    );
  }

  private async count(
    tenant: TenantId,
    query: SeriesQuery,
    table: string,
    day: string,
    measure: string,
    condition: string | ((schema: string) => string),
  ): Promise<Point[]> {
    const rows = await this.perPeriod<{ period: string; value: string }>(
      tenant,
      query,
      table,
      day,
      `${measure} as value`,
      typeof condition === 'string' ? () => condition : condition,
    );
    return rows.map((row) => ({ period: row.period, value: Number(row.value) }));
  }

  private perPeriod<Row extends { period: string }>(
    tenant: TenantId,
    { fence, from, to, interval }: SeriesQuery,
    table: string,
    day: string,
    measures: string,
    condition: (schema: string) => string,
  ): Promise<Row[]> {
    const period = PERIOD[interval](day);
    // $1: the fence (null for every school); the week of `from` starts before it, so bound by the period.
    return this.runtime.queryTenant<Row>(
      tenant,
      (schema) => `select ${period} as period, ${measures} from ${schema}.${table}
        where ($1::text[] is null or school_id = any($1)) and ${period} >= ${PERIOD[interval]('$2::text')}
          and ${day} <= $3 and ${condition(schema)}
        group by 1`,
      [fence.all ? null : fence.schoolIds, from, to],
    );
  }
}
