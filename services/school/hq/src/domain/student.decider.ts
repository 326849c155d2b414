import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkMove } from './transfer';
import type { Move, Placement } from './transfer';

/**
 * Stream `<tenant>/student/<studentId>`, topic hq.student.v1: the student's home school as HQ
 * knows it. Before the first transfer HQ takes the school it is told the student leaves; from
 * then on a transfer must start from the home school (one home school at a time).
 */
export type StudentEvent = hq.HqStudentV1Event;
export type TransferStudent = Command<'TransferStudent', Move & { studentId: string }>;
export type StudentCommand = TransferStudent;
export type StudentState = { status: 'none' } | ({ status: 'placed'; studentId: string } & Placement);

function decide(command: StudentCommand, state: StudentState): StudentEvent[] {
  switch (command.type) {
    case 'TransferStudent': {
      const { schools: _schools, ...move } = checkMove(command.data, state.status === 'placed' ? state : null);
      return [
        hq.studentTransferred({ ...move, studentId: command.data.studentId, transferredAt: command.metadata.now }),
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: StudentState, event: StudentEvent): StudentState {
  switch (event.type) {
    case 'StudentTransferred':
      return {
        status: 'placed',
        studentId: event.data.studentId,
        schoolId: event.data.toSchoolId,
        since: event.data.effectiveDate,
      };
    default:
      return assertNever(event.type);
  }
}

export const studentDecider: Decider<StudentCommand, StudentEvent, StudentState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
