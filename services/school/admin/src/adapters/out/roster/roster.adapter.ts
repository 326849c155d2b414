import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { Page } from '../../../application/paging';
import type { Roster, StudentFilter } from '../../../application/roster.port';
import { pageOf } from '../page';

const STUDENT = `student_id as "studentId", school_id as "schoolId", admission_number as "admissionNumber",
  first_name as "firstName", last_name as "lastName", birth_date as "birthDate", gender, email, guardians, status,
  year_id as "yearId", group_id as "groupId", roll_number as "rollNumber", admitted_on as "admittedOn",
  enrolled_on as "enrolledOn", withdrawn_on as "withdrawnOn"`;
const MATCHING = `school_id = $1 and ($2::text is null or status = $2) and ($3::text is null or year_id = $3)
  and ($4::text is null or first_name || ' ' || last_name ilike $4 or admission_number ilike $4)`;

/** The read model `admin-roster` (roster.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresRoster implements Roster {
  constructor(private readonly runtime: ServiceRuntime) {}

  members(tenant: TenantId, groupId: string): Promise<views.admin.GroupMemberView[]> {
    return this.runtime.queryTenant<views.admin.GroupMemberView>(
      tenant,
      (s) => `select group_id as "groupId", student_id as "studentId", roll_number as "rollNumber",
                admission_number as "admissionNumber", first_name as "firstName", last_name as "lastName",
                added_at as "addedAt"
              from ${s}.group_members where group_id = $1 order by roll_number`,
      [groupId],
    );
  }

  async student(tenant: TenantId, studentId: string): Promise<views.admin.StudentView | undefined> {
    const [row] = await this.runtime.queryTenant<views.admin.StudentView>(
      tenant,
      (s) => `select ${STUDENT} from ${s}.students where student_id = $1`,
      [studentId],
    );
    return row;
  }

  async students(tenant: TenantId, filter: StudentFilter): Promise<Page<views.admin.StudentView>> {
    const { schoolId, status, yearId, q, limit, offset } = filter;
    const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [schoolId, status ?? null, yearId ?? null, like];
    const rows = await this.runtime.queryTenant<views.admin.StudentView & { total: string }>(
      tenant,
      (s) => `select ${STUDENT}, count(*) over () as total from ${s}.students where ${MATCHING}
              order by last_name, first_name, student_id limit $5 offset $6`,
      [...params, limit, offset],
    );
    return pageOf(rows, { limit, offset }, async () => {
      const [row] = await this.runtime.queryTenant<{ n: string }>(
        tenant,
        (s) => `select count(*) as n from ${s}.students where ${MATCHING}`,
        params,
      );
      return Number(row?.n ?? 0);
    });
  }
}
