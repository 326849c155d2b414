import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { credentialDecider, type Grant, grantOf, normalizeLoginId, type ScopeInput, userDecider } from '../domain';
import { assertMayManageGrants, assertTenantAdmin } from './admin-scope';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { inSeconds } from './instants';
import { Mails } from './mails';
import { mintLinkToken } from './opaque-tokens';
import { inviteUser } from './registration';
import { type KnownTenant, tenantFacts } from './streams';

/** A grant as a request names it: no scope id is the tenant, else exactly one of school or group. */
export interface GrantInput {
  role: string;
  schoolId?: string | null;
  groupId?: string | null;
}

export const scopeOf = (g: GrantInput): ScopeInput =>
  g.schoolId == null && g.groupId == null ? { tenant: true } : { schoolId: g.schoolId, groupId: g.groupId };

/** An admin, by the grants their user stream holds now (a token may be up to its lifetime old). */
async function loadAdmin(tx: StreamTransaction, caller: Principal): Promise<{ tenant: KnownTenant; grants: Grant[] }> {
  const tenant = await tenantFacts(tx, caller.tenant);
  const admin = await tx.load(userDecider, 'user', caller.userId);
  if (tenant.status === 'none' || admin.state.status !== 'active')
    throw new ForbiddenException('Only an active admin of this tenant may do this');
  return { tenant, grants: admin.state.grants };
}

/** What admins do to accounts: invite, grant and revoke roles, deactivate and reactivate. */
@Injectable()
export class UsersCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async invite(caller: Principal, input: { email: string; displayName: string; grants: GrantInput[] }) {
    const userId = this.time.newId(caller, 'user');
    const link = mintLinkToken(userId);
    const now = this.time.now();
    const expiresAt = inSeconds(this.time, this.settings.ttl.invitation);
    const outcome = await this.commands.transact(caller, async (tx) => {
      const admin = await loadAdmin(tx, caller);
      const grants = input.grants.map((g) => grantOf(admin.tenant.product, g.role, scopeOf(g)));
      assertMayManageGrants(admin.grants, grants);
      const requests = input.grants.map((g) => ({ role: g.role, scope: scopeOf(g) }));
      const invitation = { ...input, userId, grants: requests, invitedBy: caller.userId };
      await inviteUser(tx, admin.tenant, { ...invitation, tokenHash: link.hash, expiresAt }, now);
    });
    if (outcome.status === 'appended')
      await this.mails.send('invitation', normalizeLoginId(input.email), caller.tenant, link.token, input.displayName);
    return { userId };
  }

  async changeGrant(caller: Principal, userId: string, change: 'GrantRole' | 'RevokeRole', input: GrantInput) {
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      const admin = await loadAdmin(tx, caller);
      const user = await tx.load(userDecider, 'user', userId);
      assertMayManageGrants(admin.grants, [grantOf(admin.tenant.product, input.role, scopeOf(input))]);
      const scope = scopeOf(input);
      const events =
        change === 'GrantRole'
          ? userDecider.decide(
              { type: change, data: { role: input.role, scope, grantedBy: caller.userId }, metadata },
              user.state,
            )
          : userDecider.decide(
              { type: change, data: { role: input.role, scope, revokedBy: caller.userId }, metadata },
              user.state,
            );
      tx.append(user, events);
    });
  }

  /** Deactivation revokes every session (the credential) in the same transaction as UserDeactivated. */
  async deactivate(caller: Principal, userId: string, reason: string | null) {
    if (userId === caller.userId) throw new DomainError('cannot-deactivate-self');
    await this.lifecycle(caller, userId, 'deactivate', reason);
  }

  async reactivate(caller: Principal, userId: string) {
    await this.lifecycle(caller, userId, 'reactivate', null);
  }

  private async lifecycle(
    caller: Principal,
    userId: string,
    change: 'deactivate' | 'reactivate',
    reason: string | null,
  ) {
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      assertTenantAdmin((await loadAdmin(tx, caller)).grants);
      const user = await tx.load(userDecider, 'user', userId);
      const credential = await tx.load(credentialDecider, 'credential', userId);
      if (change === 'deactivate') {
        const data = { reason, deactivatedBy: caller.userId };
        tx.append(
          credential,
          credentialDecider.decide({ type: 'DisableCredential', data: {}, metadata }, credential.state),
        );
        tx.append(user, userDecider.decide({ type: 'DeactivateUser', data, metadata }, user.state));
      } else {
        tx.append(
          credential,
          credentialDecider.decide({ type: 'EnableCredential', data: {}, metadata }, credential.state),
        );
        const data = { reactivatedBy: caller.userId };
        tx.append(user, userDecider.decide({ type: 'ReactivateUser', data, metadata }, user.state));
      }
    });
  }
}
