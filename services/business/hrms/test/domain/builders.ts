import { hrms } from '@hexfleet/schemas';
import type { ApplyForLeave, EmployeeFacts, LeaveDay, MarkLeaveDays } from '../../src/domain';

// March 2026: the 1st is a Sunday; weekends and the 10th are on the holiday list.
export const NOW = '2026-03-02T09:00:00.000Z';
export const metadata = { now: NOW };
export const LATER = { now: '2026-03-03T10:00:00.000Z' };

export const ALICE = 'emp-alice';
export const BOB = 'emp-bob'; // Alice's manager
export const CASUAL = 'lt-casual';
export const UNPAID = 'lt-unpaid';
export const HOLIDAYS = ['2026-03-07', '2026-03-08', '2026-03-10', '2026-03-14', '2026-03-15'];

export const alice = (overrides: Partial<EmployeeFacts> = {}): EmployeeFacts => ({
  employeeId: ALICE,
  active: true,
  joiningDate: '2025-01-06',
  relievingDate: null,
  ...overrides,
});

export const days = (...dates: string[]): LeaveDay[] =>
  dates.map((date) => ({ date: date.replace('½', ''), halfDay: date.endsWith('½') }));

/** Alice asks for casual leave Mon 9 to Fri 13 March: 4 days, the 10th being a holiday. */
export const applyForLeave = (data: Partial<ApplyForLeave['data']> = {}): ApplyForLeave => ({
  type: 'ApplyForLeave',
  data: {
    leaveRequestId: 'leave-1',
    employeeId: ALICE,
    leaveTypeId: CASUAL,
    fromDate: '2026-03-09',
    toDate: '2026-03-13',
    halfDayDate: null,
    reason: 'family visit',
    requestedBy: 'user-alice',
    employee: alice(),
    leaveType: { unpaid: false },
    holidays: HOLIDAYS,
    otherLeaves: [],
    balance: { availableDays: 10 },
    finalizedPeriods: [],
    ...data,
  },
  metadata,
});

export const leaveRequested = (data: Partial<hrms.LeaveRequestedData> = {}): hrms.LeaveRequested => ({
  type: 'LeaveRequested',
  data: {
    leaveRequestId: 'leave-1',
    employeeId: ALICE,
    leaveTypeId: CASUAL,
    unpaid: false,
    fromDate: '2026-03-09',
    toDate: '2026-03-13',
    halfDayDate: null,
    leaveDays: days('2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13'),
    totalDays: 4,
    reason: 'family visit',
    requestedBy: 'user-alice',
    requestedAt: NOW,
    ...data,
  },
});

export const unpaidLeaveRequested = () => leaveRequested({ leaveTypeId: UNPAID, unpaid: true });

/** What approval and cancellation repeat of the request. */
function leaveOf(request: hrms.LeaveRequested) {
  const { leaveRequestId, employeeId, leaveTypeId, unpaid, fromDate, toDate, leaveDays, totalDays } = request.data;
  return { leaveRequestId, employeeId, leaveTypeId, unpaid, fromDate, toDate, leaveDays, totalDays };
}

export const leaveApproved = (request = leaveRequested()): hrms.LeaveApproved =>
  hrms.leaveApproved({ ...leaveOf(request), approvedBy: BOB, approvedAt: LATER.now });

export const leaveCancelled = (wasApproved = false, request = leaveRequested()): hrms.LeaveCancelled =>
  hrms.leaveCancelled({ ...leaveOf(request), wasApproved, cancelledBy: 'user-alice', cancelledAt: LATER.now });

/** Bob's approval marks Alice's casual leave days on her March sheet. */
export const markLeaveDays = (leaveDays: LeaveDay[], leaveRequestId = 'leave-1'): MarkLeaveDays => ({
  type: 'MarkLeaveDays',
  data: { employeeId: ALICE, leaveRequestId, leaveTypeId: CASUAL, leaveDays, markedBy: BOB },
  metadata: LATER,
});

/** Bob asks for one accountant. */
export const jobOpeningCreated = (): hrms.JobOpeningCreated =>
  hrms.jobOpeningCreated({
    jobOpeningId: 'job-1',
    title: 'Accountant',
    department: 'Finance',
    designation: 'Accountant',
    positions: 1,
    requestedBy: BOB,
    createdAt: NOW,
  });
