import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  DirectorySearch,
  GuardianOf,
  ProfileDirectory,
  StoredProfile,
} from '../../../application/profile-directory.port';

/** A stored profile's columns, as the port names them. */
const PROFILE_COLUMNS = `doc, employee_id as "employeeId", created_at as "createdAt"`;

/** What the directory lists: active profiles whose search text (lower-cased names and emails) matches. */
const LISTED = `status = 'active' and ($1::text is null or search like $1)`;

/** `query` as a like pattern that matches it literally, in any case, anywhere. */
const containing = (query: string) => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class PostgresProfileDirectory implements ProfileDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async profile(tenant: TenantId, userId: string): Promise<StoredProfile | undefined> {
    const [stored] = await this.runtime.queryTenant<StoredProfile>(
      tenant,
      (s) => `select ${PROFILE_COLUMNS} from ${s}.profiles where user_id = $1`,
      [userId],
    );
    return stored;
  }

  async search(tenant: TenantId, { query, limit, offset }: DirectorySearch) {
    const pattern = query ? containing(query) : null;
    const rows = await this.runtime.queryTenant<StoredProfile & { total: string }>(
      tenant,
      (s) => `select ${PROFILE_COLUMNS}, count(*) over () as total from ${s}.profiles where ${LISTED}
              order by full_name, user_id limit $2 offset $3`,
      [pattern, limit, offset],
    );
    // A page past the end has no row to carry the total.
    const [counted] = rows.length
      ? rows
      : await this.runtime.queryTenant<{ total: string }>(
          tenant,
          (s) => `select count(*) as total from ${s}.profiles where ${LISTED}`,
          [pattern],
        );
    const profiles = rows.map(({ total: _total, ...stored }) => stored);
    return { profiles, total: Number(counted?.total ?? 0) };
  }

  guardianOf(tenant: TenantId, guardianUserId: string): Promise<GuardianOf[]> {
    return this.runtime.queryTenant<GuardianOf>(
      tenant,
      (s) => `select student_user_id as "studentUserId", relationship, is_primary as "primary"
              from ${s}.guardian_links where guardian_user_id = $1 order by linked_at, student_user_id`,
      [guardianUserId],
    );
  }
}
