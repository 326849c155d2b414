import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command, EmployeeFacts } from './command';
import { dateOf, monthOf, requireDate } from './dates';
import type { LeaveDay } from './leave-days';

/**
 * One attendance sheet per employee and month: stream
 * `<tenant>/attendance/<attendanceSheetId>`, topic hrms.attendance.v1. Its
 * version guards each day: an approval marks its days here in the same
 * transaction, so two approved leaves can never hold the same day.
 */
export type AttendanceEvent = hrms.HrmsAttendanceV1Event;
export const attendanceSheetId = (employeeId: string, month: string) => `${employeeId}.${month}`;

interface DayMark {
  status: hrms.AttendanceStatus;
  leaveRequestId: string | null;
  /** The mark by hand a leave replaced, restored when the leave is cancelled. */
  before: hrms.AttendanceStatus | null;
}
export type AttendanceState =
  { status: 'none' } | { status: 'sheet'; employeeId: string; month: string; days: Record<string, DayMark> };

/** By hand: on_leave comes only from an approved leave. Facts: employeeFacts of the employee. */
export type MarkAttendance = Command<
  'MarkAttendance',
  {
    employeeId: string;
    date: string;
    status: Exclude<hrms.AttendanceStatus, 'on_leave'>;
    markedBy: string;
    employee: EmployeeFacts;
  }
>;
/** Run with ApproveLeave for the approved days of this sheet's month (splitByMonth). */
export type MarkLeaveDays = Command<
  'MarkLeaveDays',
  { employeeId: string; leaveRequestId: string; leaveTypeId: string; leaveDays: readonly LeaveDay[]; markedBy: string }
>;
/** Run with CancelLeave of an approved leave. Repeating it changes nothing ([]). */
export type ReverseLeaveDays = Command<'ReverseLeaveDays', { leaveRequestId: string; clearedBy: string }>;
export type AttendanceCommand = MarkAttendance | MarkLeaveDays | ReverseLeaveDays;

function onSheet(state: AttendanceState, employeeId: string, date: string) {
  requireDate(date, 'date');
  if (state.status === 'sheet' && (state.employeeId !== employeeId || state.month !== monthOf(date)))
    throw new DomainError('attendance-sheet-mismatch', { employeeId, date });
}
const marks = (state: AttendanceState): Record<string, DayMark> => (state.status === 'sheet' ? state.days : {});

function markByHand({ data, metadata }: MarkAttendance, state: AttendanceState): AttendanceEvent[] {
  const { employeeId, date, status, markedBy, employee } = data;
  onSheet(state, employeeId, date);
  if ((status as string) === 'on_leave') throw new DomainError('on-leave-needs-approved-leave', { date });
  if (date > dateOf(metadata.now)) throw new DomainError('attendance-in-future', { date });
  if (date < employee.joiningDate || (employee.relievingDate !== null && date > employee.relievingDate))
    throw new DomainError('employee-not-employed-on-date', { date });
  const mark = marks(state)[date];
  if (mark?.leaveRequestId) throw new DomainError('day-on-leave', { date, leaveRequestId: mark.leaveRequestId });
  if (mark?.status === status) return []; // the same mark again changes nothing
  return [hrms.employeeAttendanceMarked({ employeeId, date, status, markedBy, markedAt: metadata.now })];
}

function markLeave({ data, metadata }: MarkLeaveDays, state: AttendanceState): AttendanceEvent[] {
  const { employeeId, leaveRequestId, leaveTypeId, markedBy } = data;
  const days = marks(state);
  const months = new Set(data.leaveDays.map((day) => monthOf(requireDate(day.date, 'date'))));
  if (months.size > 1) throw new DomainError('attendance-sheet-mismatch', { employeeId, months: [...months] });
  const events: AttendanceEvent[] = [];
  for (const { date, halfDay } of data.leaveDays) {
    onSheet(state, employeeId, date);
    const held = days[date]?.leaveRequestId;
    if (held === leaveRequestId) continue; // marked by this approval already
    if (held) throw new DomainError('leave-overlaps', { date, leaveRequestId: held });
    const status = halfDay ? 'half_day' : 'on_leave';
    events.push(
      hrms.employeeAttendanceMarked({
        employeeId,
        date,
        status,
        leaveRequestId,
        leaveTypeId,
        markedBy,
        markedAt: metadata.now,
      }),
    );
  }
  return events;
}

function reverseLeave({ data, metadata }: ReverseLeaveDays, state: AttendanceState): AttendanceEvent[] {
  if (state.status === 'none') return [];
  const { leaveRequestId, clearedBy } = data;
  return Object.entries(state.days)
    .filter(([, mark]) => mark.leaveRequestId === leaveRequestId)
    .map(([date, mark]) =>
      mark.before
        ? hrms.employeeAttendanceMarked({
            employeeId: state.employeeId,
            date,
            status: mark.before,
            markedBy: clearedBy,
            markedAt: metadata.now,
          })
        : hrms.employeeAttendanceCleared({
            employeeId: state.employeeId,
            date,
            leaveRequestId,
            clearedBy,
            clearedAt: metadata.now,
          }),
    );
}

function evolve(state: AttendanceState, event: AttendanceEvent): AttendanceState {
  const { employeeId, date } = event.data;
  const sheet =
    state.status === 'sheet' ? state : { status: 'sheet' as const, employeeId, month: monthOf(date), days: {} };
  const { [date]: previous, ...others } = sheet.days;
  switch (event.type) {
    case 'EmployeeAttendanceMarked': {
      const { status, leaveRequestId } = event.data;
      const before = leaveRequestId ? (previous?.leaveRequestId ? previous.before : (previous?.status ?? null)) : null;
      return { ...sheet, days: { ...others, [date]: { status, leaveRequestId, before } } };
    }
    case 'EmployeeAttendanceCleared':
      return { ...sheet, days: others };
    default:
      return assertNever(event);
  }
}

export const attendanceDecider: Decider<AttendanceCommand, AttendanceEvent, AttendanceState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'MarkAttendance':
        return markByHand(command, state);
      case 'MarkLeaveDays':
        return markLeave(command, state);
      case 'ReverseLeaveDays':
        return reverseLeave(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
};
