import { Injectable } from '@nestjs/common';
import type { ConsumedEvent, ConsumedEventMeta } from '@hexfleet/eventing';
import { Commands, type StreamTransaction, TimeAndIds } from '@hexfleet/platform';
import type { identity } from '@hexfleet/schemas';
import { employeeLinkDecider, type ProfileEvent, profileDecider, studentLinkDecider } from '../domain';
import { after, placementOnProfile } from './placement';
import { allFacts, studentFactsOnProfile } from './student-facts';

/**
 * A profile as identity's account events make it (identity-facts.policy.ts).
 * The command id derives from the source event, so a redelivered event finds
 * its command applied and appends nothing; a lost race with a person's edit is
 * re-decided.
 */
@Injectable()
export class IdentityFactsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  /**
   * One profile per user, on the user's stream. An account made for an HRMS
   * employee is noted on the employee's link stream in the same transaction,
   * and gets the department and designation HRMS already gave, if any; a student's account
   * (user id = student id, ADR 0043) is noted on the student's link stream and gets the
   * admission number and guardian links noted there so far (ADR 0047).
   */
  async create(policy: { name: string }, event: ConsumedEvent<identity.UserRegistered>): Promise<void> {
    const { userId, product, email, displayName: fullName, employeeId, studentId } = event.data;
    await this.react(policy, event, async (tx, metadata) => {
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
      if (studentId !== null && studentId === userId) {
        const link = await tx.load(studentLinkDecider, 'student-link', studentId);
        const noted = studentLinkDecider.decide({ type: 'NoteProfile', data: { studentId }, metadata }, link.state);
        tx.append(link, noted);
        const linkNow = after(studentLinkDecider.evolve, link.state, noted);
        const createdNow = after(profileDecider.evolve, profile.state, created);
        prefilled = studentFactsOnProfile(createdNow, allFacts(linkNow), metadata);
      }
      tx.append(profile, [...created, ...prefilled]);
    });
  }

  /** Archived with a deactivated account. */
  archive(policy: { name: string }, event: ConsumedEvent<identity.UserDeactivated>): Promise<void> {
    return this.follow(policy, event, 'ArchiveProfile');
  }

  /** Restored with a reactivated one. */
  restore(policy: { name: string }, event: ConsumedEvent<identity.UserReactivated>): Promise<void> {
    return this.follow(policy, event, 'RestoreProfile');
  }

  private async follow(
    policy: { name: string },
    event: ConsumedEvent<identity.UserDeactivated | identity.UserReactivated>,
    type: 'ArchiveProfile' | 'RestoreProfile',
  ): Promise<void> {
    const { userId } = event.data;
    await this.react(policy, event, async (tx, metadata) => {
      const profile = await tx.load(profileDecider, 'profile', userId);
      tx.append(profile, profileDecider.decide({ type, data: {}, metadata }, profile.state));
    });
  }

  /** The reaction's transaction, with the time its commands carry; safe to re-decide after a lost race. */
  private react(
    policy: { name: string },
    event: ConsumedEventMeta,
    work: (tx: StreamTransaction, metadata: { now: string }) => Promise<void>,
  ) {
    const metadata = { now: this.time.now() };
    return this.commands.react(policy, event, (tx) => work(tx, metadata), { retries: 3 });
  }
}
