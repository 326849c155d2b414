import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { schoolDecider, staffDecider, studentDecider } from '../domain';
import type { Move } from '../domain';

const RETRY = { retries: 2 };

export interface TransferInput {
  fromSchoolId: string;
  toSchoolId: string;
  effectiveDate: string;
  reason: string;
}

/**
 * Moves between schools of the group (HQ's): one stream per person, so a student has one
 * home school at a time whatever requests race. The schools are read from their streams.
 */
@Injectable()
export class TransfersCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async transferStudent(caller: Principal, studentId: string, input: TransferInput) {
    const transferId = this.time.newId(caller, 'transfer');
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const data = { ...(await this.move(tx, caller, transferId, input)), studentId };
        const student = await tx.load(studentDecider, 'student', studentId);
        const metadata = { now: this.time.now() };
        tx.append(student, studentDecider.decide({ type: 'TransferStudent', data, metadata }, student.state));
        // A lost race re-reads the student: the loser then starts from the wrong school (not-at-school).
      },
      RETRY,
    );
    return { transferId, studentId, outcome: outcome.status };
  }

  async transferStaff(caller: Principal, userId: string, input: TransferInput & { roles: string[] }) {
    const transferId = this.time.newId(caller, 'transfer');
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const data = { ...(await this.move(tx, caller, transferId, input)), userId, roles: input.roles };
        const staff = await tx.load(staffDecider, 'staff', userId);
        const metadata = { now: this.time.now() };
        tx.append(staff, staffDecider.decide({ type: 'TransferStaff', data, metadata }, staff.state));
      },
      RETRY,
    );
    return { transferId, userId, outcome: outcome.status };
  }

  private async move(
    tx: StreamTransaction,
    caller: Principal,
    transferId: string,
    input: TransferInput,
  ): Promise<Move> {
    const from = await tx.load(schoolDecider, 'school', input.fromSchoolId);
    const to = await tx.load(schoolDecider, 'school', input.toSchoolId);
    return {
      transferId,
      ...input,
      transferredBy: caller.userId,
      schools: { from: from.state.status, to: to.state.status },
    };
  }
}
