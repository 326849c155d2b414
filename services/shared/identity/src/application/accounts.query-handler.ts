import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { credentialDecider, type Grant, userDecider, type UserEvent } from '../domain';
import { USER_ADMINS } from './admin-scope';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { StreamReader } from './streams';

export interface AccountView {
  userId: string;
  tenant: string;
  email: string;
  displayName: string;
  status: 'active' | 'deactivated';
  roles: string[];
  grants: Grant[];
  emailVerified: boolean;
  totpEnabled: boolean;
}

export interface Page {
  limit: number;
  offset: number;
}

const displayNameOf = (history: readonly UserEvent[]) =>
  history.reduce((name, e) => (e.type === 'UserRegistered' ? e.data.displayName : name), '');

/**
 * One account is read from its streams (the truth, no projection lag); lists
 * and the login audit from the directory read model in the tenant's schema.
 */
@Injectable()
export class AccountsQueries {
  constructor(
    private readonly reader: StreamReader,
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async account(tenant: TenantId, userId: string): Promise<AccountView> {
    const user = await this.reader.read(userDecider, tenant, 'user', userId);
    if (user.state.status === 'none') throw new NotFoundException('No such user');
    const credential = await this.reader.read(credentialDecider, tenant, 'credential', userId);
    const { email, emailVerified, grants, status } = user.state;
    return {
      userId,
      tenant,
      email,
      displayName: displayNameOf(user.history),
      status,
      roles: [...new Set(grants.map((g) => g.role))],
      grants,
      emailVerified,
      totpEnabled: credential.state.status !== 'none' && credential.state.totp !== null,
    };
  }

  /** An admin sees anyone of the tenant; everyone else only themself. Another tenant's id is simply not found. */
  async user(caller: Principal, userId: string): Promise<AccountView> {
    const admin = caller.roles.some((r) => (USER_ADMINS as readonly string[]).includes(r));
    if (!admin && userId !== caller.userId) throw new ForbiddenException('Only admins see other users');
    return this.account(caller.tenant, userId);
  }

  async list(caller: Principal, filter: { q?: string; status?: string } & Page) {
    await this.consistency.await(this.settings.readModels.users, caller);
    const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const rows = await this.runtime.queryTenant<Record<string, unknown> & { total: number }>(
      caller.tenant,
      (
        s,
      ) => `select user_id as "userId", email, display_name as "displayName", status, email_verified as "emailVerified",
                registered_via as "registeredVia", grants, registered_at as "registeredAt", count(*) over ()::int as total
              from ${s}.users
              where ($1::text is null or email ilike $1 or display_name ilike $1) and ($2::text is null or status = $2)
              order by lower(display_name), user_id limit $3 offset $4`,
      [like, filter.status ?? null, filter.limit, filter.offset],
    );
    const items = rows.map(({ total: _total, ...item }) => item);
    return { items, total: rows[0]?.total ?? 0, limit: filter.limit, offset: filter.offset };
  }

  /** Tenant admins only (checked at the route): sign-ins, refusals and lockouts, newest first. */
  async loginAudit(caller: Principal, filter: { userId?: string } & Page) {
    await this.consistency.await(this.settings.readModels.loginAudit, caller);
    const items = await this.runtime.queryTenant(
      caller.tenant,
      (s) => `select a.event_id as "eventId", a.user_id as "userId", u.email, a.outcome, a.reason,
                a.second_factor as "secondFactor", a.locked_until as "lockedUntil", a.client_ip as "clientIp",
                a.user_agent as "userAgent", a.at
              from ${s}.login_audit a left join ${s}.users u on u.user_id = a.user_id
              where ($1::text is null or a.user_id = $1)
              order by a.at desc, a.event_id desc limit $2 offset $3`,
      [filter.userId ?? null, filter.limit, filter.offset],
    );
    return { items, limit: filter.limit, offset: filter.offset };
  }
}
