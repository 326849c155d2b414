import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { DirectoryUser, UsersDirectory, UsersFilter } from '../../../application/users-directory.port';

/** The columns a listed user is made of, as the port names them. */
const USER_COLUMNS = `user_id as "userId", email, display_name as "displayName", status,
  email_verified as "emailVerified", registered_via as "registeredVia", grants, registered_at as "registeredAt"`;

/** `q` as an ilike pattern that matches it literally anywhere. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

@Injectable()
export class PostgresUsersDirectory implements UsersDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async list(tenant: TenantId, filter: UsersFilter) {
    const rows = await this.runtime.queryTenant<DirectoryUser & { total: number }>(
      tenant,
      (s) => `select ${USER_COLUMNS}, count(*) over ()::int as total from ${s}.users
              where ($1::text is null or email ilike $1 or display_name ilike $1) and ($2::text is null or status = $2)
              order by lower(display_name), user_id limit $3 offset $4`,
      [filter.q ? containing(filter.q) : null, filter.status ?? null, filter.limit, filter.offset],
    );
    return { items: rows.map(({ total: _total, ...user }) => user), total: rows[0]?.total ?? 0 };
  }
}
