import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ConsumedEvent, Policy } from '@hexfleet/eventing';
import { ServiceRuntime } from '@hexfleet/platform';
import type { identity } from '@hexfleet/schemas';
import { employeeLinkDecider, type ProfileEvent, profileDecider } from '../domain';
import { attachReaction, reactInTransaction, shortType } from './bound-policy';
import { after, placementOnProfile } from './placement';
import { ProfileContext } from './profile-context';

/** identity.user.v1 -> profiles: created on registration, archived and restored with the account. */
export const IDENTITY_FACTS = 'profile-identity-facts';
export const IDENTITY_TOPICS = ['identity.user.v1'];

@Injectable()
export class IdentityFactsPolicy implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly context: ProfileContext,
  ) {}

  onModuleInit() {
    attachReaction(this.runtime, IDENTITY_FACTS, (policy, event) => this.react(policy, event));
  }

  async react(policy: Policy, event: ConsumedEvent): Promise<void> {
    const type = shortType(event);
    if (type === 'UserRegistered') await this.register(policy, event);
    else if (type === 'UserDeactivated') await this.archive(policy, event, 'ArchiveProfile');
    else if (type === 'UserReactivated') await this.archive(policy, event, 'RestoreProfile');
    // Email verified, roles, passwords: nothing a profile keeps.
  }

  /**
   * One profile per user, on the user's stream. An account made for an HRMS
   * employee is noted on the employee's link stream in the same transaction,
   * and gets the department and designation HRMS already gave, if any.
   */
  private register(policy: Policy, event: ConsumedEvent) {
    const user = event.data as unknown as identity.UserRegisteredData;
    const { userId, product, email, displayName: fullName, employeeId, studentId } = user;
    const metadata = this.context.metadata();
    return reactInTransaction(this.runtime, policy, event, async (tx) => {
      const profile = await tx.load(profileDecider, 'profile', userId);
      const data = { userId, product, fullName, email, employeeId, studentId };
      const created = profileDecider.decide({ type: 'CreateProfile', data, metadata }, profile.state);
      let prefilled: ProfileEvent[] = [];
      if (employeeId !== null) {
        const link = await tx.load(employeeLinkDecider, 'employee-link', employeeId);
        const command = { type: 'NoteAccount' as const, data: { employeeId, userId }, metadata };
        const noted = employeeLinkDecider.decide(command, link.state);
        tx.append(link, noted);
        const linkNow = after(employeeLinkDecider.evolve, link.state, noted);
        prefilled = placementOnProfile(after(profileDecider.evolve, profile.state, created), linkNow, metadata);
      }
      tx.append(profile, [...created, ...prefilled]);
    });
  }

  private archive(policy: Policy, event: ConsumedEvent, type: 'ArchiveProfile' | 'RestoreProfile') {
    const { userId } = event.data as unknown as identity.UserDeactivatedData | identity.UserReactivatedData;
    const metadata = this.context.metadata();
    return reactInTransaction(this.runtime, policy, event, async (tx) => {
      const profile = await tx.load(profileDecider, 'profile', userId);
      tx.append(profile, profileDecider.decide({ type, data: {}, metadata }, profile.state));
    });
  }
}
