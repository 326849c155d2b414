import { assertNever, CalendarDate } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkMove } from './transfer';
import type { Move, Placement } from './transfer';

/**
 * Stream `<tenant>/student/<studentId>`, topic hq.student.v1: the student's home school as HQ
 * knows it, from Admin's enrolments and HQ's own transfers. A transfer must start from the home
 * school (one home school at a time); before HQ knows one it takes the school it is told.
 */
export type StudentEvent = hq.HqStudentV1Event;
export type TransferStudent = Command<'TransferStudent', Move & { studentId: string }>;
/** From Admin's StudentEnrolled: the school the student is enrolled in, from the enrolment's first day. */
export type RecordHomeSchool = Command<
  'RecordHomeSchool',
  { studentId: string; schoolId: string; yearId: string; enrolledOn: string }
>;
export type StudentCommand = TransferStudent | RecordHomeSchool;
export type StudentState = { status: 'none' } | ({ status: 'placed'; studentId: string } & Placement);

/**
 * An enrolment makes its school the home school unless HQ already knows that one, or knows a
 * home from a later or the same day (a transfer effective after an enrolment that arrives late).
 */
function recordHome(command: RecordHomeSchool, state: StudentState): StudentEvent[] {
  const { studentId, schoolId, yearId } = command.data;
  const since = CalendarDate.parse(command.data.enrolledOn, 'enrolledOn');
  if (state.status === 'placed' && (state.schoolId === schoolId || since <= state.since)) return [];
  return [hq.studentHomeRecorded({ studentId, schoolId, yearId, since, recordedAt: command.metadata.now })];
}

function decide(command: StudentCommand, state: StudentState): StudentEvent[] {
  switch (command.type) {
    case 'TransferStudent': {
      const { schools: _schools, ...move } = checkMove(command.data, state.status === 'placed' ? state : null);
      return [
        hq.studentTransferred({ ...move, studentId: command.data.studentId, transferredAt: command.metadata.now }),
      ];
    }
    case 'RecordHomeSchool':
      return recordHome(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(_state: StudentState, event: StudentEvent): StudentState {
  switch (event.type) {
    case 'StudentHomeRecorded':
      return {
        status: 'placed',
        studentId: event.data.studentId,
        schoolId: event.data.schoolId,
        since: event.data.since,
      };
    case 'StudentTransferred':
      return {
        status: 'placed',
        studentId: event.data.studentId,
        schoolId: event.data.toSchoolId,
        since: event.data.effectiveDate,
      };
    default:
      return assertNever(event);
  }
}

export const studentDecider: Decider<StudentCommand, StudentEvent, StudentState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
