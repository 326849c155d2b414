import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { attendanceDecider, jobOpeningDecider, leaveRequestDecider } from '../../src/domain';
import {
  ALICE,
  alice,
  applyForLeave,
  BOB,
  days,
  jobOpeningCreated,
  LATER,
  leaveApproved,
  leaveCancelled,
  leaveRequested,
  markLeaveDays,
  metadata,
  NOW,
  UNPAID,
  unpaidLeaveRequested,
} from './builders';

const given = deciderSpec(leaveRequestDecider);
const none = leaveRequestDecider.initialState;
const approve = (approvedBy = BOB, finalizedPeriods: string[] = []) =>
  ({ type: 'ApproveLeave', data: { approvedBy, finalizedPeriods }, metadata: LATER }) as const;
const reject = (rejectedBy = BOB) =>
  ({ type: 'RejectLeave', data: { rejectedBy, reason: 'release week' }, metadata: LATER }) as const;
const cancel = (finalizedPeriods: string[] = []) =>
  ({ type: 'CancelLeave', data: { cancelledBy: 'user-alice', finalizedPeriods }, metadata: LATER }) as const;

describe('leave requests', () => {
  it('applying records the working days the leave covers', () => {
    given([]).when(applyForLeave()).then([leaveRequested()]);
  });

  it('a half day counts half', () => {
    given([])
      .when(applyForLeave({ halfDayDate: '2026-03-13' }))
      .then([
        leaveRequested({
          halfDayDate: '2026-03-13',
          leaveDays: days('2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13½'),
          totalDays: 3.5,
        }),
      ]);
  });

  it('a half day must fall inside the leave', () => {
    given([])
      .when(applyForLeave({ halfDayDate: '2026-03-16' }))
      .thenThrows('half-day-outside-leave');
  });

  it('refuses an impossible date', () => {
    given([])
      .when(applyForLeave({ toDate: '2026-02-30' }))
      .thenThrows('invalid-date', { field: 'toDate' });
  });

  it('refuses leave before joining or after the relieving date', () => {
    given([])
      .when(applyForLeave({ employee: alice({ joiningDate: '2026-03-11' }) }))
      .thenThrows('leave-outside-employment');
  });

  it('a paid leave stays inside one allocation year', () => {
    given([])
      .when(applyForLeave({ fromDate: '2026-12-30', toDate: '2027-01-02' }))
      .thenThrows('leave-spans-years');
  });

  it('a request is applied once', () => {
    given([leaveRequested()]).when(applyForLeave()).thenThrows('leave-request-exists');
  });

  it('a manager approves a pending request with its days', () => {
    given([leaveRequested()]).when(approve()).then([leaveApproved()]);
  });

  it('a manager rejects a pending request', () => {
    given([leaveRequested()])
      .when(reject())
      .then([
        hrms.leaveRejected({
          leaveRequestId: 'leave-1',
          employeeId: ALICE,
          leaveTypeId: 'lt-casual',
          unpaid: false,
          fromDate: '2026-03-09',
          toDate: '2026-03-13',
          totalDays: 4,
          reason: 'release week',
          rejectedBy: BOB,
          rejectedAt: LATER.now,
        }),
      ]);
  });

  it('only a pending request is decided', () => {
    given([leaveRequested(), leaveApproved()]).when(reject()).thenThrows('leave-not-pending');
    given([]).when(approve()).thenThrows('leave-request-not-found');
  });

  it('cancelling says whether the leave had been approved', () => {
    given([leaveRequested()])
      .when(cancel())
      .then([leaveCancelled(false)]);
    given([leaveRequested(), leaveApproved()])
      .when(cancel())
      .then([leaveCancelled(true)]);
  });

  it('a rejected or cancelled request cannot be cancelled', () => {
    const rejected = leaveRequestDecider.decide(reject(), leaveRequestDecider.evolve(none, leaveRequested()));
    given([leaveRequested(), ...rejected])
      .when(cancel())
      .thenThrows('leave-not-cancellable');
    given([leaveRequested(), leaveCancelled()]).when(cancel()).thenThrows('leave-not-cancellable');
  });
});

describe('rule: only active employees apply for leave', () => {
  it('a separated employee cannot apply', () => {
    given([])
      .when(applyForLeave({ employee: alice({ active: false, relievingDate: '2026-03-31' }) }))
      .thenThrows('employee-not-active');
  });
});

describe('rule: end >= start', () => {
  it('a leave that ends before it starts is refused', () => {
    given([])
      .when(applyForLeave({ fromDate: '2026-03-13', toDate: '2026-03-09' }))
      .thenThrows('leave-ends-before-start');
  });

  it('a one-day leave (end = start) is fine', () => {
    const oneDay = leaveRequested({ fromDate: '2026-03-09', toDate: '2026-03-09' });
    given([])
      .when(applyForLeave({ fromDate: '2026-03-09', toDate: '2026-03-09' }))
      .then([leaveRequested({ ...oneDay.data, leaveDays: days('2026-03-09'), totalDays: 1 })]);
  });
});

describe('rule: leaves of one employee never overlap', () => {
  it('an application sharing a day with a pending or approved leave is refused', () => {
    given([])
      .when(
        applyForLeave({ otherLeaves: [{ leaveRequestId: 'leave-0', fromDate: '2026-03-13', toDate: '2026-03-16' }] }),
      )
      .thenThrows('leave-overlaps', { leaveRequestId: 'leave-0' });
  });

  it('leaves that touch without sharing a day are fine', () => {
    given([])
      .when(
        applyForLeave({ otherLeaves: [{ leaveRequestId: 'leave-0', fromDate: '2026-03-02', toDate: '2026-03-06' }] }),
      )
      .then([leaveRequested()]);
  });

  it('under concurrency, the attendance sheet refuses a second approved leave on the same day', () => {
    const sickDayMarked = hrms.employeeAttendanceMarked({
      employeeId: ALICE,
      date: '2026-03-12',
      status: 'on_leave',
      leaveRequestId: 'leave-0',
      leaveTypeId: 'lt-sick',
      markedBy: BOB,
      markedAt: NOW,
    });
    deciderSpec(attendanceDecider)([sickDayMarked])
      .when(markLeaveDays(days('2026-03-11', '2026-03-12')))
      .thenThrows('leave-overlaps', { date: '2026-03-12', leaveRequestId: 'leave-0' });
  });
});

describe('rule: no self-approval', () => {
  it('an employee cannot approve their own leave', () => {
    given([leaveRequested()]).when(approve(ALICE)).thenThrows('self-approval-not-allowed');
  });

  it('nor reject it: rejecting is deciding too', () => {
    given([leaveRequested()]).when(reject(ALICE)).thenThrows('self-approval-not-allowed');
  });

  it('the one who asked for a job opening cannot approve it', () => {
    deciderSpec(jobOpeningDecider)([jobOpeningCreated()])
      .when({ type: 'ApproveJobOpening', data: { approvedBy: BOB }, metadata })
      .thenThrows('self-approval-not-allowed');
  });
});

describe('rule: unpaid leave cannot fall in a period whose payroll run is finalized', () => {
  it('applying for unpaid leave in a finalized period is refused', () => {
    given([])
      .when(
        applyForLeave({
          leaveTypeId: UNPAID,
          leaveType: { unpaid: true },
          balance: null,
          finalizedPeriods: ['2026-03'],
        }),
      )
      .thenThrows('payroll-period-finalized', { period: '2026-03' });
  });

  it('paid leave in a finalized period is fine: it does not change pay', () => {
    given([])
      .when(applyForLeave({ finalizedPeriods: ['2026-03'] }))
      .then([leaveRequested()]);
  });

  it('unpaid leave in an open period is fine', () => {
    given([])
      .when(
        applyForLeave({
          leaveTypeId: UNPAID,
          leaveType: { unpaid: true },
          balance: null,
          finalizedPeriods: ['2026-02'],
        }),
      )
      .then([unpaidLeaveRequested()]);
  });

  it('a period finalized after the application blocks the approval', () => {
    given([unpaidLeaveRequested()])
      .when(approve(BOB, ['2026-03']))
      .thenThrows('payroll-period-finalized');
  });

  it('and the cancellation of an approved unpaid leave', () => {
    given([unpaidLeaveRequested(), leaveApproved(unpaidLeaveRequested())])
      .when(cancel(['2026-03']))
      .thenThrows('payroll-period-finalized');
  });

  it('a pending unpaid leave never reached payroll, so it can still be cancelled', () => {
    given([unpaidLeaveRequested()])
      .when(cancel(['2026-03']))
      .then([leaveCancelled(false, unpaidLeaveRequested())]);
  });
});
