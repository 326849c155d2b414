import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { LessonFilter, Timetable } from '../../../application/timetable.port';

const SESSION = `c.session_id as "sessionId", c.term_id as "termId", c.school_id as "schoolId", c.year_id as "yearId",
  c.group_id as "groupId", c.subject_id as "subjectId", c.subject_name as "subjectName",
  c.teacher_user_id as "teacherUserId", c.room`;

/** Whose lessons, as a condition on `c` and its parameter. */
function whose(filter: LessonFilter): [string, string] {
  if ('groupId' in filter) return ['c.group_id = $4', filter.groupId];
  if ('teacherUserId' in filter) return ['c.teacher_user_id = $4', filter.teacherUserId];
  return ['c.room_key = upper(trim($4))', filter.room];
}

/** The read model `admin-timetable` (timetable.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresTimetable implements Timetable {
  constructor(private readonly runtime: ServiceRuntime) {}

  sessions(tenant: TenantId, schoolId: string, termId: string): Promise<views.admin.ClassSessionView[]> {
    return this.runtime.queryTenant<views.admin.ClassSessionView>(
      tenant,
      (s) => `select ${SESSION}, c.first_date::text as "firstDate", c.last_date::text as "lastDate", c.weekdays,
                c.start_time as "startTime", c.end_time as "endTime", c.cancelled,
                coalesce((select array_agg(x.date::text order by x.date) from ${s}.session_cancellations x
                          where x.session_id = c.session_id), '{}') as "cancelledDates"
              from ${s}.class_sessions c where c.school_id = $1 and c.term_id = $2
              order by c.group_id, c.start_time, c.session_id`,
      [schoolId, termId],
    );
  }

  /** Each day a session meets between the two dates, with whether that day's lesson still holds. */
  lessons(tenant: TenantId, filter: LessonFilter): Promise<views.admin.LessonView[]> {
    const [condition, value] = whose(filter);
    return this.runtime.queryTenant<views.admin.LessonView>(
      tenant,
      (s) => `select d::date::text as date, ${SESSION}, c.start_time as "startTime", c.end_time as "endTime",
                (c.cancelled or x.session_id is not null) as cancelled
              from ${s}.class_sessions c
              cross join lateral generate_series(greatest(c.first_date, $2::date), least(c.last_date, $3::date),
                interval '1 day') d
              left join ${s}.session_cancellations x on x.session_id = c.session_id and x.date = d::date
              where c.school_id = $1 and ${condition} and c.first_date <= $3::date and c.last_date >= $2::date
                and extract(isodow from d)::int = any(c.weekdays)
              order by d, c.start_time, c.session_id`,
      [filter.schoolId, filter.from, filter.to, value],
    );
  }
}
