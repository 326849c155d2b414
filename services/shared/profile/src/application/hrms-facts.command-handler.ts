import { Injectable } from '@nestjs/common';
import type { ConsumedEventMeta } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { type EmployeeLinkCommand, employeeLinkDecider, profileDecider } from '../domain';
import { after, placementOnProfile } from './placement';

/** Where HRMS placed an employee, as far as one event says. */
export interface Placed {
  employeeId: string;
  department?: string;
  designation?: string;
  /** The employee's account, when the hire names one. */
  userId?: string | null;
}

/**
 * Notes HRMS's placement on the employee's link stream (hrms-facts.policy.ts)
 * and, once the employee's account is known (from UserRegistered, or the
 * hire's own userId), writes it on their profile in the same transaction.
 */
@Injectable()
export class HrmsFactsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async note(policy: { name: string }, event: ConsumedEventMeta, placed: Placed): Promise<void> {
    const { employeeId, userId, ...placement } = placed;
    const metadata = { now: this.time.now() };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const link = await tx.load(employeeLinkDecider, 'employee-link', employeeId);
        const commands: EmployeeLinkCommand[] = [
          { type: 'NotePlacement', data: { employeeId, ...placement }, metadata },
        ];
        if (userId) commands.push({ type: 'NoteAccount', data: { employeeId, userId }, metadata });
        let state = link.state;
        const noted = commands.flatMap((command) => {
          const events = employeeLinkDecider.decide(command, state);
          state = after(employeeLinkDecider.evolve, state, events);
          return events;
        });
        tx.append(link, noted);
        if (noted.length === 0 || state.status !== 'known' || state.userId === null) return;
        const profile = await tx.load(profileDecider, 'profile', state.userId);
        tx.append(profile, placementOnProfile(profile.state, state, metadata));
      },
      { retries: 3 },
    );
  }
}
