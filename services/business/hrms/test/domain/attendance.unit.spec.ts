import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { attendanceDecider, attendanceSheetId, type MarkAttendance } from '../../src/domain';
import { ALICE, alice, BOB, CASUAL, days, LATER, markLeaveDays, metadata, NOW } from './builders';

const given = deciderSpec(attendanceDecider);
const markByHand = (date: string, status: MarkAttendance['data']['status'], employee = alice()): MarkAttendance => ({
  type: 'MarkAttendance',
  data: { employeeId: ALICE, date, status, markedBy: BOB, employee },
  metadata,
});
const marked = (date: string, status: hrms.AttendanceStatus, at = NOW) =>
  hrms.employeeAttendanceMarked({ employeeId: ALICE, date, status, markedBy: BOB, markedAt: at });
const onLeave = (date: string, status: hrms.AttendanceStatus = 'on_leave') =>
  hrms.employeeAttendanceMarked({
    employeeId: ALICE,
    date,
    status,
    leaveRequestId: 'leave-1',
    leaveTypeId: CASUAL,
    markedBy: BOB,
    markedAt: LATER.now,
  });
const reverse = () =>
  ({
    type: 'ReverseLeaveDays',
    data: { leaveRequestId: 'leave-1', clearedBy: 'user-alice' },
    metadata: LATER,
  }) as const;
const cleared = (date: string) =>
  hrms.employeeAttendanceCleared({
    employeeId: ALICE,
    date,
    leaveRequestId: 'leave-1',
    clearedBy: 'user-alice',
    clearedAt: LATER.now,
  });

describe('rule: approval marks the days on-leave and cancelling reverses it', () => {
  it('approval marks each leave day on-leave, and a half day half_day', () => {
    given([])
      .when(markLeaveDays(days('2026-03-11', '2026-03-12½')))
      .then([onLeave('2026-03-11'), onLeave('2026-03-12', 'half_day')]);
  });

  it('cancelling clears the days that had no mark before the leave', () => {
    given([onLeave('2026-03-11'), onLeave('2026-03-12', 'half_day')])
      .when(reverse())
      .then([cleared('2026-03-11'), cleared('2026-03-12')]);
  });

  it('a leave approved for a day marked absent replaces the mark, and cancelling restores it', () => {
    given([marked('2026-03-02', 'absent')])
      .when(markLeaveDays(days('2026-03-02')))
      .then([onLeave('2026-03-02')]);
    given([marked('2026-03-02', 'absent'), onLeave('2026-03-02')])
      .when(reverse())
      .then([
        hrms.employeeAttendanceMarked({
          employeeId: ALICE,
          date: '2026-03-02',
          status: 'absent',
          markedBy: 'user-alice',
          markedAt: LATER.now,
        }),
      ]);
  });

  it('a day on leave cannot be marked by hand until the leave is cancelled', () => {
    given([onLeave('2026-03-02')])
      .when(markByHand('2026-03-02', 'present'))
      .thenThrows('day-on-leave', { leaveRequestId: 'leave-1' });
    given([onLeave('2026-03-02'), cleared('2026-03-02')])
      .when(markByHand('2026-03-02', 'present'))
      .then([marked('2026-03-02', 'present')]);
  });

  it('marking or reversing the same leave again changes nothing', () => {
    given([onLeave('2026-03-11')])
      .when(markLeaveDays(days('2026-03-11')))
      .then([]);
    given([onLeave('2026-03-11'), cleared('2026-03-11')])
      .when(reverse())
      .then([]);
  });
});

describe('employee attendance', () => {
  it('marks a day present, absent or half day', () => {
    given([])
      .when(markByHand('2026-03-02', 'present'))
      .then([marked('2026-03-02', 'present')]);
    given([])
      .when(markByHand('2026-03-02', 'absent'))
      .then([marked('2026-03-02', 'absent')]);
    given([])
      .when(markByHand('2026-03-02', 'half_day'))
      .then([marked('2026-03-02', 'half_day')]);
  });

  it('a later mark corrects an earlier one; the same mark again changes nothing', () => {
    given([marked('2026-03-02', 'absent')])
      .when(markByHand('2026-03-02', 'present'))
      .then([marked('2026-03-02', 'present')]);
    given([marked('2026-03-02', 'absent')])
      .when(markByHand('2026-03-02', 'absent'))
      .then([]);
  });

  it('on leave comes only from an approved leave', () => {
    given([])
      .when(markByHand('2026-03-02', 'on_leave' as MarkAttendance['data']['status']))
      .thenThrows('on-leave-needs-approved-leave');
  });

  it('a future day cannot be marked', () => {
    given([]).when(markByHand('2026-03-03', 'present')).thenThrows('attendance-in-future');
  });

  it('only days of employment are marked', () => {
    given([])
      .when(markByHand('2026-03-02', 'present', alice({ active: false, relievingDate: '2026-02-27' })))
      .thenThrows('employee-not-employed-on-date');
    given([])
      .when(markByHand('2026-03-02', 'present', alice({ joiningDate: '2026-03-02' })))
      .then([marked('2026-03-02', 'present')]);
  });

  it('a sheet holds one employee and one month', () => {
    given([marked('2026-03-02', 'present')])
      .when(markByHand('2026-02-27', 'present'))
      .thenThrows('attendance-sheet-mismatch');
    given([])
      .when(markLeaveDays(days('2026-03-31', '2026-04-01')))
      .thenThrows('attendance-sheet-mismatch');
    expect(attendanceSheetId(ALICE, '2026-03')).toBe('emp-alice.2026-03');
  });
});
