import { Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, type Principal, TimeAndIds } from '@hexfleet/platform';
import { type PreferenceChanges, type ProfileChanges, type ProfileCommand, profileDecider } from '../domain';
import { actorOf } from './profile-access';

export interface GuardianLinkInput {
  guardianUserId: string;
  relationship: string;
  primary: boolean;
}

/**
 * A person's commands on a profile in their tenant. Who may do what is the
 * domain's rule, decided on the stream's state: the person, an admin, HR for
 * a business profile, a linked guardian for a minor. Every command is safe to
 * re-decide after a lost race: it is checked again on the newer state.
 */
@Injectable()
export class ProfileCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  update(caller: Principal, userId: string, changes: ProfileChanges) {
    return this.run(caller, userId, { type: 'UpdateProfile', data: { actor: actorOf(caller), changes } });
  }

  changePreferences(caller: Principal, userId: string, changes: PreferenceChanges) {
    const data = { actor: actorOf(caller), changes };
    return this.run(caller, userId, { type: 'ChangePreferences', data });
  }

  unlinkGuardian(caller: Principal, studentUserId: string, guardianUserId: string) {
    const data = { actor: actorOf(caller), guardianUserId };
    return this.run(caller, studentUserId, { type: 'UnlinkGuardian', data });
  }

  makePrimaryGuardian(caller: Principal, studentUserId: string, guardianUserId: string) {
    const data = { actor: actorOf(caller), guardianUserId };
    return this.run(caller, studentUserId, { type: 'ChangePrimaryGuardian', data });
  }

  /** The guardian must be a user of the tenant with an active profile: read in the same transaction. */
  async linkGuardian(caller: Principal, studentUserId: string, input: GuardianLinkInput) {
    const metadata = { now: this.time.now() };
    await this.commands.transact(
      caller,
      async (tx) => {
        // The student's rules first (not found, admins only, ...), so nobody else learns who is a user here.
        const student = await tx.load(profileDecider, 'profile', studentUserId);
        const data = { actor: actorOf(caller), ...input };
        const linked = profileDecider.decide({ type: 'LinkGuardian', data, metadata }, student.state);
        const guardian = await tx.load(profileDecider, 'profile', input.guardianUserId);
        if (guardian.state.status === 'none')
          throw new DomainError('unknown-guardian', { field: 'guardianUserId', guardianUserId: input.guardianUserId });
        if (guardian.state.status === 'archived')
          throw new DomainError('guardian-profile-archived', { guardianUserId: input.guardianUserId });
        tx.append(student, linked);
      },
      { retries: 2 },
    );
  }

  private async run(caller: Principal, userId: string, command: Omit<ProfileCommand, 'metadata'>) {
    const full = { ...command, metadata: { now: this.time.now() } } as ProfileCommand;
    await this.commands.handle(profileDecider, { caller, aggregate: 'profile', id: userId, command: full, retries: 2 });
  }
}
