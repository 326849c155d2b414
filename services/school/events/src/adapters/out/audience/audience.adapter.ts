import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  AudienceMemberView,
  AudienceOf,
  AudiencePage,
  Audiences,
  Paging,
} from '../../../application/audiences.port';

const MEMBER_COLUMNS = `m.group_id as "groupId", m.roll_number as "rollNumber",
  m.admission_number as "admissionNumber", m.first_name as "firstName", m.last_name as "lastName"`;

/** The read model `school-audiences` (see audience.projection.ts). */
@Injectable()
export class PostgresAudiences implements Audiences {
  constructor(private readonly runtime: ServiceRuntime) {}

  async groupsOf(tenant: TenantId, userId: string): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ groupId: string }>(
      tenant,
      (s) => `select group_id as "groupId" from ${s}.group_members where student_id = $1 and member order by group_id`,
      [userId],
    );
    return rows.map((row) => row.groupId);
  }

  async members(tenant: TenantId, audience: AudienceOf, { limit, offset }: Paging): Promise<AudiencePage> {
    if (audience.kind === 'users') return this.namedUsers(tenant, audience, { limit, offset });
    // $2 null: the whole school; otherwise the audience's groups.
    const groups = audience.kind === 'groups' ? [...audience.ids] : null;
    const where = `m.member and m.school_id = $1 and ($2::text[] is null or m.group_id = any($2))`;
    const [items, [count]] = await Promise.all([
      this.runtime.queryTenant<AudienceMemberView>(
        tenant,
        (s) => `select m.student_id as "userId", ${MEMBER_COLUMNS} from ${s}.group_members m where ${where}
                order by m.group_id, m.roll_number, m.student_id limit $3 offset $4`,
        [audience.schoolId, groups, limit, offset],
      ),
      this.runtime.queryTenant<{ total: number }>(
        tenant,
        (s) => `select count(*)::int as total from ${s}.group_members m where ${where}`,
        [audience.schoolId, groups],
      ),
    ]);
    // A tenant Admin has told nothing yet has no tables: nobody, not an error.
    return { items, limit, offset, total: count?.total ?? 0 };
  }

  /** Named users in the order the event names them, each with a group of the school they are in (if any). */
  private async namedUsers(tenant: TenantId, audience: AudienceOf, { limit, offset }: Paging): Promise<AudiencePage> {
    const ids = [...audience.ids].slice(offset, offset + limit);
    const items = await this.runtime.queryTenant<AudienceMemberView>(
      tenant,
      (s) => `select u.id as "userId", ${MEMBER_COLUMNS}
              from unnest($2::text[]) with ordinality as u(id, n)
              left join lateral (select * from ${s}.group_members g
                where g.student_id = u.id and g.member and g.school_id = $1
                order by g.changed_at desc limit 1) m on true
              order by u.n`,
      [audience.schoolId, ids],
    );
    return { items, limit, offset, total: audience.ids.length };
  }
}
