import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Consistency, hasRole, Streams } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { credentialDecider, userDecider, type UserEvent } from '../domain';
import { USER_ADMINS } from './admin-scope';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { LOGIN_AUDIT, type LoginAudit } from './login-audit.port';
import { type Page, type UsersFilter, USERS_DIRECTORY, type UsersDirectory } from './users-directory.port';

/** One account as `GET /users/{id}` answers it (and, less its status, `GET /me`): typed in the contracts. */
export type AccountView = views.identity.Account;

const displayNameOf = (history: readonly UserEvent[]) =>
  history.reduce((name, e) => (e.type === 'UserRegistered' ? e.data.displayName : name), '');

/**
 * One account is read from its streams (the truth, no projection lag); lists
 * and the login audit from their read models in the tenant's schema.
 */
@Injectable()
export class AccountsQueryHandler {
  constructor(
    private readonly streams: Streams,
    @Inject(USERS_DIRECTORY) private readonly directory: UsersDirectory,
    @Inject(LOGIN_AUDIT) private readonly audit: LoginAudit,
    private readonly consistency: Consistency,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async account(tenant: TenantId, userId: string): Promise<AccountView> {
    const user = await this.streams.load(userDecider, tenant, 'user', userId);
    if (user.state.status === 'none') throw new NotFoundException('No such user');
    const credential = await this.streams.load(credentialDecider, tenant, 'credential', userId);
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
    if (!hasRole(caller, ...USER_ADMINS) && userId !== caller.userId)
      throw new ForbiddenException('Only admins see other users');
    return this.account(caller.tenant, userId);
  }

  async list(caller: Principal, filter: UsersFilter) {
    await this.consistency.await(this.settings.readModels.users, caller);
    const { items, total } = await this.directory.list(caller.tenant, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** Tenant admins only (checked at the route): sign-ins, refusals and lockouts, newest first. */
  async loginAudit(caller: Principal, filter: { userId?: string } & Page) {
    await this.consistency.await(this.settings.readModels.loginAudit, caller);
    const items = await this.audit.entries(caller.tenant, filter);
    return { items, limit: filter.limit, offset: filter.offset };
  }
}
