import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ConsumedEvent, Policy } from '@hexfleet/eventing';
import { ServiceRuntime } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { type EmployeeLinkCommand, employeeLinkDecider, profileDecider } from '../domain';
import { attachReaction, reactInTransaction, shortType } from './bound-policy';
import { after, placementOnProfile } from './placement';
import { ProfileContext } from './profile-context';

/** hrms.employee.v1 -> the per-app fields HR owns (department, designation) on the employee's profile. */
export const HRMS_FACTS = 'profile-hrms-facts';
export const HRMS_TOPICS = ['hrms.employee.v1'];

interface Placed {
  employeeId: string;
  department?: string;
  designation?: string;
  userId?: string | null;
}

function placementIn(event: ConsumedEvent): Placed | undefined {
  switch (shortType(event)) {
    case 'EmployeeHired': {
      const { employeeId, department, designation, userId } = event.data as unknown as hrms.EmployeeHiredData;
      return { employeeId, department, designation, userId };
    }
    case 'EmployeePromoted': {
      const { employeeId, toDesignation } = event.data as unknown as hrms.EmployeePromotedData;
      return { employeeId, designation: toDesignation };
    }
    case 'EmployeeTransferred': {
      const { employeeId, toDepartment } = event.data as unknown as hrms.EmployeeTransferredData;
      return { employeeId, department: toDepartment };
    }
    default:
      return undefined; // a separation reaches the profile as identity's UserDeactivated
  }
}

/**
 * Notes HRMS's placement on the employee's link stream and, once the
 * employee's account is known (from UserRegistered, or the hire's own userId),
 * writes it on their profile in the same transaction.
 */
@Injectable()
export class HrmsFactsPolicy implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly context: ProfileContext,
  ) {}

  onModuleInit() {
    attachReaction(this.runtime, HRMS_FACTS, (policy, event) => this.react(policy, event));
  }

  async react(policy: Policy, event: ConsumedEvent): Promise<void> {
    const placed = placementIn(event);
    if (!placed) return;
    const { employeeId, userId, ...placement } = placed;
    const metadata = this.context.metadata();
    await reactInTransaction(this.runtime, policy, event, async (tx) => {
      const link = await tx.load(employeeLinkDecider, 'employee-link', employeeId);
      const commands: EmployeeLinkCommand[] = [{ type: 'NotePlacement', data: { employeeId, ...placement }, metadata }];
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
    });
  }
}
