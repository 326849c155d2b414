import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { Range, RegisterBook } from '../../../application/registers.port';

type Totals = views.attendance.AttendanceTotalsView;

/** The sums of a report, over records not withdrawn; written once for every report. */
const SUMS = `count(*) filter (where not withdrawn)::int as records,
  count(*) filter (where not withdrawn and meaning = 'present')::int as present,
  count(*) filter (where not withdrawn and meaning = 'late')::int as late,
  count(*) filter (where not withdrawn and meaning = 'left-early')::int as "leftEarly",
  count(*) filter (where not withdrawn and meaning = 'absent')::int as absent,
  count(*) filter (where not withdrawn and meaning = 'excused')::int as excused`;

type Sums = Omit<Totals, 'attendancePercent' | 'absencePercent'>;
const NO_RECORDS: Sums = { records: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0 };

/** Attended (present, late, left-early) and absent over everything but excused, in percent to two decimals. */
function withRates(sums: Sums): Totals {
  const counted = sums.records - sums.excused;
  const percent = (n: number) => (counted === 0 ? null : Math.round((n * 10_000) / counted) / 100);
  return {
    ...sums,
    attendancePercent: percent(sums.present + sums.late + sums.leftEarly),
    absencePercent: percent(sums.absent),
  };
}

/** The read model `attendance-registers` (see registers.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresRegisterBook implements RegisterBook {
  constructor(private readonly runtime: ServiceRuntime) {}

  day(tenant: TenantId, teacherUserId: string, date: string): Promise<views.attendance.DayRegisterView[]> {
    return this.runtime.queryTenant<views.attendance.DayRegisterView>(
      tenant,
      (schema) => `
        select coalesce(r.register_id, '') as "registerId", s.session_id as "sessionId", $2::text as date,
          s.school_id as "schoolId", s.group_id as "groupId", s.subject_name as "subjectName",
          s.teacher_user_id as "teacherUserId", s.room, s.start_time as "startTime", s.end_time as "endTime",
          case when r.status = 'withdrawn' then 'withdrawn'
               when c.reason is not null or s.cancelled_from <= $2 then 'cancelled'
               when h.name is not null then 'holiday'
               else coalesce(r.status, 'open') end as status,
          coalesce(c.reason, case when s.cancelled_from <= $2 then s.cancelled_reason end, h.name) as reason,
          coalesce(r.marked, 0) as marked
        from ${schema}.sessions s
        left join ${schema}.cancellations c on c.session_id = s.session_id and c.date = $2
        left join lateral (select name from ${schema}.holidays
          where school_id = s.school_id and start_date <= $2 and end_date >= $2 limit 1) h on true
        left join ${schema}.registers r on r.session_id = s.session_id and r.date = $2
        where s.teacher_user_id = $1 and s.first_date <= $2 and s.last_date >= $2
          and extract(isodow from $2::date)::int = any(s.weekdays)
        order by s.start_time, s.session_id`,
      [teacherUserId, date],
    );
  }

  async student(tenant: TenantId, studentId: string, { from, to }: Range, schoolIds: readonly string[] | null) {
    const [sums = NO_RECORDS] = await this.runtime.queryTenant<Sums>(
      tenant,
      (schema) => `select ${SUMS} from ${schema}.records
        where student_id = $1 and date >= $2 and date <= $3 and ($4::text[] is null or school_id = any($4))`,
      [studentId, from, to, schoolIds],
    );
    // No row at all when the tenant has no read model yet (found by the tenant-isolation sweep: it was a 500).
    return withRates(sums);
  }

  async group(tenant: TenantId, groupId: string, { from, to }: Range) {
    const rows = await this.runtime.queryTenant<Sums & { studentId: string }>(
      tenant,
      (schema) => `select student_id as "studentId", ${SUMS} from ${schema}.records
        where group_id = $1 and date >= $2 and date <= $3 group by student_id order by student_id`,
      [groupId, from, to],
    );
    const students = rows.map(({ studentId, ...sums }) => ({ studentId, ...withRates(sums) }));
    const keys = ['records', 'present', 'late', 'leftEarly', 'absent', 'excused'] as const;
    const sums = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Sums;
    return { totals: withRates(sums), students };
  }

  async school(tenant: TenantId, schoolId: string, { from, to }: Range) {
    // One pass: per group and day, rolled up to groups, days and the school's total.
    const rows = await this.runtime.queryTenant<Sums & { groupId: string | null; date: string | null }>(
      tenant,
      (schema) => `select group_id as "groupId", date, ${SUMS} from ${schema}.records
        where school_id = $1 and date >= $2 and date <= $3 and not withdrawn
        group by grouping sets ((group_id), (date), ())`,
      [schoolId, from, to],
    );
    const line = ({ groupId: _g, date: _d, ...sums }: Sums & { groupId: string | null; date: string | null }) =>
      withRates(sums);
    const total = rows.find((r) => r.groupId === null && r.date === null);
    const empty: Sums = { records: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0 };
    return {
      totals: total ? line(total) : withRates(empty),
      groups: rows
        .filter((r) => r.groupId !== null)
        .map((r) => ({ groupId: r.groupId as string, ...line(r) }))
        .sort((a, b) => a.groupId.localeCompare(b.groupId)),
      days: rows
        .filter((r) => r.date !== null)
        .map((r) => ({ date: r.date as string, ...line(r) }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    };
  }

  async firstLesson(tenant: TenantId, groupId: string, date: string) {
    const [row] = await this.runtime.queryTenant<{ sessionId: string; subjectName: string; startTime: string }>(
      tenant,
      (schema) => `select s.session_id as "sessionId", s.subject_name as "subjectName", s.start_time as "startTime"
        from ${schema}.sessions s
        where s.group_id = $1 and s.first_date <= $2 and s.last_date >= $2
          and extract(isodow from $2::date)::int = any(s.weekdays)
          and (s.cancelled_from is null or s.cancelled_from > $2)
          and not exists (select 1 from ${schema}.cancellations c where c.session_id = s.session_id and c.date = $2)
        order by s.start_time, s.session_id limit 1`,
      [groupId, date],
    );
    return row ?? null;
  }

  async schoolOfGroup(tenant: TenantId, groupId: string): Promise<string | undefined> {
    const [row] = await this.runtime.queryTenant<{ schoolId: string }>(
      tenant,
      (schema) => `select school_id as "schoolId" from ${schema}.sessions where group_id = $1 limit 1`,
      [groupId],
    );
    return row?.schoolId;
  }
}
