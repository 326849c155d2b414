import type { LoadedStream, StreamTransaction } from '@hexfleet/platform';
import { groupDecider, nextRollNumber, studentDecider, studentFacts } from '../domain';
import type { GroupEvent, GroupState, Placement, StudentEvent, StudentState } from '../domain';
import { found } from './found';

export type GroupStream = LoadedStream<GroupEvent, GroupState>;

/** A group loaded for a student to join: the seat it offers (the roll number asked for, or the next free one). */
export async function seatIn(
  tx: StreamTransaction,
  groupId: string,
  rollNumber?: number | null,
): Promise<{ group: GroupStream; placement: Placement }> {
  const group = await tx.load(groupDecider, 'group', groupId);
  const { schoolId, yearId } = found(group.state, 'group');
  return { group, placement: { groupId, schoolId, yearId, rollNumber: rollNumber ?? nextRollNumber(group.state) } };
}

/**
 * The group's half of a student's move: after the student's own events (enrolled,
 * moved, promoted), the group decides on the student as they now are, so "only
 * enrolled, active students join groups" is checked on the state the move produced.
 */
export function join(
  tx: StreamTransaction,
  seat: { group: GroupStream; placement: Placement },
  student: StudentState,
  decided: readonly StudentEvent[],
  now: string,
): void {
  const after = decided.reduce(studentDecider.evolve, student);
  const command = {
    type: 'AddStudent' as const,
    data: { student: studentFacts(after), rollNumber: seat.placement.rollNumber },
    metadata: { now },
  };
  tx.append(seat.group, groupDecider.decide(command, seat.group.state));
}

/** The group's half of a student leaving it. */
export async function leave(
  tx: StreamTransaction,
  groupId: string,
  studentId: string,
  reason: 'withdrawn' | 'moved',
  now: string,
): Promise<void> {
  const group = await tx.load(groupDecider, 'group', groupId);
  const command = { type: 'RemoveStudent' as const, data: { studentId, reason }, metadata: { now } };
  tx.append(group, groupDecider.decide(command, group.state));
}
