import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { commandIdFor, type ConsumedEvent, type Policy } from '@hexfleet/eventing';
import { DomainError, TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { credentialDecider, loginIdDecider, normalizeLoginId, userDecider } from '../domain';
import { IDENTITY_SETTINGS, IdentityClock, type IdentitySettings } from './identity-settings';
import { Mails } from './mails';
import { mintLinkToken } from './opaque-tokens';
import { inviteUser } from './registration';
import { loginIdKey, tenantFacts } from './streams';

export const HRMS_TOPICS = ['hrms.employee.v1'];

/** The policy as the service definition lists it; its reaction is bound when Nest has built the handler. */
export interface HrmsPolicy extends Policy {
  bind(react: (event: ConsumedEvent) => Promise<void>): void;
}

export function hrmsPolicy(name: string): HrmsPolicy {
  let reaction: ((event: ConsumedEvent) => Promise<void>) | undefined;
  return {
    name,
    topics: HRMS_TOPICS,
    // Not a DomainError: the runner retries, then dead-letters, so nothing is lost before the binding.
    react: (event) => (reaction ? reaction(event) : Promise.reject(new Error(`${name} is not bound`))),
    bind: (react) => (reaction = react),
  };
}

const EMPLOYEE_USER = '7d0f3b52-98c4-4b7e-a1d5-2f6c9e8b4a13';

/** The account an employee gets: derived from the employee, so a separation finds it without a lookup. */
export const employeeUserId = (tenant: string, employeeId: string) => uuidv5(`${tenant}/${employeeId}`, EMPLOYEE_USER);

/**
 * HRMS -> identity: EmployeeHired invites the work email as an `employee`
 * (or, when that email already has an account, grants it the role);
 * EmployeeSeparated deactivates the account, ending its sessions. The command
 * id derives from the event id, so a redelivered event appends nothing and
 * mails nothing.
 */
@Injectable()
export class HrmsReactions implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly clock: IdentityClock,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  onModuleInit() {
    for (const policy of this.runtime.definition.policies ?? [])
      if ('bind' in policy) (policy as HrmsPolicy).bind((event) => this.react(policy, event));
  }

  async react(policy: Policy, event: ConsumedEvent): Promise<void> {
    const tenant = TenantId.parse(event.tenant);
    const type = event.type.slice(event.type.lastIndexOf('.') + 1);
    const metadata = { causationId: event.eventId, correlationId: event.correlationId, traceparent: event.traceparent };
    const transact = (work: Parameters<typeof runStreamTransaction>[4]) =>
      runStreamTransaction(this.runtime.store, tenant, commandIdFor(policy, event), metadata, work, 3);
    const now = this.clock.now();
    if (type === 'EmployeeHired') {
      const hired = event.data as unknown as hrms.EmployeeHiredData;
      const userId = employeeUserId(tenant, hired.employeeId);
      const link = mintLinkToken(userId);
      const displayName = `${hired.firstName} ${hired.lastName}`.trim();
      const outcome = await transact(async (tx) => {
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
        const expiresAt = this.clock.in(this.settings.ttl.invitation);
        await inviteUser(tx, facts, { ...invitation, grants, tokenHash: link.hash, expiresAt }, now);
        return true;
      });
      if (outcome.status === 'appended' && outcome.result)
        await this.mails.send('invitation', normalizeLoginId(hired.workEmail), tenant, link.token, displayName);
    } else if (type === 'EmployeeSeparated') {
      const separated = event.data as unknown as hrms.EmployeeSeparatedData;
      const userId = separated.userId ?? employeeUserId(tenant, separated.employeeId);
      const reason = separated.reason || 'separated';
      await transact(async (tx) => {
        const user = await tx.load(userDecider, 'user', userId);
        const credential = await tx.load(credentialDecider, 'credential', userId);
        // Already deactivated (by an admin, say): the separation changes nothing more.
        if (user.state.status !== 'active') return;
        const data = { reason, deactivatedBy: null };
        tx.append(
          credential,
          credentialDecider.decide({ type: 'DisableCredential', data: {}, metadata: { now } }, credential.state),
        );
        tx.append(user, userDecider.decide({ type: 'DeactivateUser', data, metadata: { now } }, user.state));
      });
    }
  }
}
