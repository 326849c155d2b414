import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { DomainError, TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { loginIdDecider, normalizeLoginId, userDecider } from '../domain';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { inSeconds } from './instants';
import { Mails } from './mails';
import { mintLinkToken } from './opaque-tokens';
import { deactivateAccount, inviteUser } from './registration';
import { loginIdKey, tenantFacts } from './streams';

const EMPLOYEE_USER = '7d0f3b52-98c4-4b7e-a1d5-2f6c9e8b4a13';

/** The account an employee gets: derived from the employee, so a separation finds it without a lookup. */
export const employeeUserId = (tenant: string, employeeId: string) => uuidv5(`${tenant}/${employeeId}`, EMPLOYEE_USER);

/**
 * An employee's account, as HRMS's events change it (hrms.policy.ts): a hire
 * invites the work email as an `employee` (or, when that email already has an
 * account, grants it the role); a separation deactivates the account, ending
 * its sessions. The command id derives from the event id, so a redelivered
 * event appends nothing and mails nothing.
 */
@Injectable()
export class EmployeeAccountsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async invite(policy: { name: string }, event: ConsumedEvent<hrms.EmployeeHired>): Promise<void> {
    const hired = event.data;
    const tenant = TenantId.parse(event.tenant);
    const userId = employeeUserId(tenant, hired.employeeId);
    const link = mintLinkToken(userId);
    const displayName = `${hired.firstName} ${hired.lastName}`.trim();
    const now = this.time.now();
    const outcome = await this.commands.react(
      policy,
      event,
      async (tx) => {
        const facts = await tenantFacts(tx, tenant);
        if (facts.status === 'none') throw new DomainError('tenant-not-found');
        const held = await tx.load(loginIdDecider, 'login-id', loginIdKey(normalizeLoginId(hired.workEmail)));
        if (held.state.status === 'reserved') {
          const user = await tx.load(userDecider, 'user', held.state.userId);
          const grant = { role: 'employee', scope: { tenant: true }, grantedBy: null };
          const known = user.state.status !== 'none' && user.state.grants.some((g) => g.role === 'employee');
          if (!known)
            tx.append(user, userDecider.decide({ type: 'GrantRole', data: grant, metadata: { now } }, user.state));
          return false;
        }
        const invitation = {
          userId,
          email: hired.workEmail,
          displayName,
          invitedBy: null,
          employeeId: hired.employeeId,
        };
        const grants = [{ role: 'employee', scope: { tenant: true } }];
        const expiresAt = inSeconds(this.time, this.settings.ttl.invitation);
        await inviteUser(tx, facts, { ...invitation, grants, tokenHash: link.hash, expiresAt }, now);
        return true;
      },
      { retries: 3 },
    );
    if (outcome.status === 'appended' && outcome.result)
      await this.mails.send('invitation', normalizeLoginId(hired.workEmail), tenant, link.token, displayName);
  }

  async deactivate(policy: { name: string }, event: ConsumedEvent<hrms.EmployeeSeparated>): Promise<void> {
    const separated = event.data;
    const userId = separated.userId ?? employeeUserId(event.tenant, separated.employeeId);
    const reason = separated.reason || 'separated';
    const now = this.time.now();
    await this.commands.react(policy, event, (tx) => deactivateAccount(tx, userId, reason, now), { retries: 3 });
  }
}
