import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { Page } from '../../../application/paging';
import { pageOf } from '../page';
import type { GroupFilter, SchoolStructure } from '../../../application/school-structure.port';

const TERM = `term_id as "termId", year_id as "yearId", school_id as "schoolId", name,
  start_date as "startDate", end_date as "endDate"`;
const YEAR = `year_id as "yearId", school_id as "schoolId", name, start_date as "startDate",
  end_date as "endDate", template_id as "templateId"`;
const TEACHERS = (schema: string) => `coalesce((select json_agg(json_build_object(
    'subjectId', nullif(t.subject_id, ''), 'subjectName', t.subject_name, 'teacherUserId', t.teacher_user_id,
    'teacherName', t.teacher_name, 'teacherEmail', t.teacher_email, 'assignedAt', t.assigned_at)
    order by t.subject_name nulls first) from ${schema}.group_teachers t where t.group_id = g.group_id), '[]')`;
const GROUP = (schema: string) => `g.group_id as "groupId", g.school_id as "schoolId", g.year_id as "yearId",
  g.grade, g.section, g.name, g.capacity, g.members, ${TEACHERS(schema)} as teachers`;

/** The read model `admin-structure` (structure.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresSchoolStructure implements SchoolStructure {
  constructor(private readonly runtime: ServiceRuntime) {}

  async years(tenant: TenantId, schoolId: string): Promise<views.admin.AcademicYearView[]> {
    const years = await this.runtime.queryTenant<Omit<views.admin.AcademicYearView, 'terms'>>(
      tenant,
      (s) => `select ${YEAR} from ${s}.years where school_id = $1 order by start_date`,
      [schoolId],
    );
    const terms = await this.runtime.queryTenant<views.admin.TermView>(
      tenant,
      (s) => `select ${TERM} from ${s}.terms where school_id = $1 order by start_date`,
      [schoolId],
    );
    return years.map((year) => ({ ...year, terms: terms.filter((t) => t.yearId === year.yearId) }));
  }

  subjects(tenant: TenantId, schoolId: string): Promise<views.admin.SubjectView[]> {
    return this.runtime.queryTenant<views.admin.SubjectView>(
      tenant,
      (s) => `select subject_id as "subjectId", school_id as "schoolId", code, name
              from ${s}.subjects where school_id = $1 order by code`,
      [schoolId],
    );
  }

  async groups(
    tenant: TenantId,
    { schoolId, yearId, limit, offset }: GroupFilter,
  ): Promise<Page<views.admin.GroupView>> {
    const rows = await this.runtime.queryTenant<views.admin.GroupView & { total: string }>(
      tenant,
      (s) => `select ${GROUP(s)}, count(*) over () as total from ${s}.groups g
              where g.school_id = $1 and ($2::text is null or g.year_id = $2)
              order by g.year_id, length(g.grade), g.grade, g.section limit $3 offset $4`,
      [schoolId, yearId ?? null, limit, offset],
    );
    return pageOf(rows, { limit, offset }, async () => {
      const [row] = await this.runtime.queryTenant<{ n: string }>(
        tenant,
        (s) => `select count(*) as n from ${s}.groups where school_id = $1 and ($2::text is null or year_id = $2)`,
        [schoolId, yearId ?? null],
      );
      return Number(row?.n ?? 0);
    });
  }

  async group(tenant: TenantId, groupId: string): Promise<views.admin.GroupView | undefined> {
    const [row] = await this.runtime.queryTenant<views.admin.GroupView>(
      tenant,
      (s) => `select ${GROUP(s)} from ${s}.groups g where g.group_id = $1`,
      [groupId],
    );
    return row;
  }
}
