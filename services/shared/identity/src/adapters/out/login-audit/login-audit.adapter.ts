import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { LoginAudit, LoginAuditEntry } from '../../../application/login-audit.port';
import type { Page } from '../../../application/users-directory.port';

/** An entry's columns as the port names them; the email comes from the users directory beside it. */
const ENTRY_COLUMNS = `a.event_id as "eventId", a.user_id as "userId", u.email, a.outcome, a.reason,
  a.second_factor as "secondFactor", a.locked_until as "lockedUntil", a.client_ip as "clientIp",
  a.user_agent as "userAgent", a.at`;

@Injectable()
export class PostgresLoginAudit implements LoginAudit {
  constructor(private readonly runtime: ServiceRuntime) {}

  entries(tenant: TenantId, filter: { userId?: string } & Page) {
    return this.runtime.queryTenant<LoginAuditEntry>(
      tenant,
      (s) => `select ${ENTRY_COLUMNS}
              from ${s}.login_audit a left join ${s}.users u on u.user_id = a.user_id
              where ($1::text is null or a.user_id = $1)
              order by a.at desc, a.event_id desc limit $2 offset $3`,
      [filter.userId ?? null, filter.limit, filter.offset],
    );
  }
}
