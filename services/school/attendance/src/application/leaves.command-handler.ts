import { Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { rosterDecider } from '../domain';
import { MARKERS, reaches } from './access';

export interface NewLeave {
  studentId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}

/** Leave recorded ahead by the school (a guardian asked): on the group's roster, read when a register is marked. */
@Injectable()
export class LeavesCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async record(caller: Principal, groupId: string, input: NewLeave): Promise<{ leaveId: string }> {
    const leaveId = this.time.newId(caller, 'leave');
    await this.commands.transact(
      caller,
      async (tx) => {
        const roster = await tx.load(rosterDecider, 'roster', groupId);
        const { schoolId } = roster.state;
        // A group beyond the caller's school is one that does not exist for them.
        if (!schoolId || !reaches(caller, MARKERS, schoolId, groupId)) throw new DomainError('group-not-found');
        const data = { ...input, groupId, schoolId, leaveId, recordedBy: caller.userId };
        tx.append(
          roster,
          rosterDecider.decide({ type: 'RecordLeave', data, metadata: { now: this.time.now() } }, roster.state),
        );
      },
      { retries: 3 },
    );
    return { leaveId };
  }
}
