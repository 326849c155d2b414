import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command } from './command';
import { type ApplyForLeave, applyForLeave, refuseFinalizedPeriods } from './leave-application';

/**
 * Stream `<tenant>/leave-request/<leaveRequestId>`, topic hrms.leave-request.v1.
 * Its version guards the request's own lifecycle. The balance is guarded by
 * the allocation stream (ReserveLeaveDays) and, for approved leave, overlap by
 * the attendance sheets the approval marks (MarkLeaveDays refuses a day that
 * another leave holds), both appended in the same transaction.
 */
export type LeaveRequestEvent = hrms.HrmsLeaveRequestV1Event;
type Leave = hrms.LeaveRequestedData;

export type LeaveRequestState =
  | { status: 'none' }
  | { status: 'pending'; leave: Leave }
  | { status: 'approved'; leave: Leave; approvedBy: string }
  | { status: 'rejected'; leave: Leave }
  | { status: 'cancelled'; leave: Leave };

/**
 * `approvedBy` is the approver's employee id. Facts: finalized payroll periods,
 * as for ApplyForLeave. Run with MarkLeaveDays on each month's attendance sheet
 * (splitByMonth of the leave days), in the same transaction.
 */
export type ApproveLeave = Command<'ApproveLeave', { approvedBy: string; finalizedPeriods: readonly string[] }>;
/**
 * `rejectedBy` is the deciding employee's id: rejecting is deciding too, so not
 * one's own leave. Run with ReleaseLeaveDays on the allocation for a paid type.
 */
export type RejectLeave = Command<'RejectLeave', { rejectedBy: string; reason?: string }>;
/**
 * Facts: finalized payroll periods, as for ApplyForLeave. Run with
 * ReleaseLeaveDays for a paid type and, for an approved leave, ReverseLeaveDays
 * on each month's attendance sheet.
 */
export type CancelLeave = Command<
  'CancelLeave',
  { cancelledBy: string; reason?: string; finalizedPeriods: readonly string[] }
>;
export type LeaveRequestCommand = ApplyForLeave | ApproveLeave | RejectLeave | CancelLeave;

function pending(state: LeaveRequestState): Leave {
  if (state.status === 'none') throw new DomainError('leave-request-not-found');
  if (state.status !== 'pending') throw new DomainError('leave-not-pending', { status: state.status });
  return state.leave;
}

function notOwnLeave(leave: Leave, deciderId: string) {
  if (deciderId === leave.employeeId) throw new DomainError('self-approval-not-allowed');
}

function decide(command: LeaveRequestCommand, state: LeaveRequestState): LeaveRequestEvent[] {
  const { now } = command.metadata;
  switch (command.type) {
    case 'ApplyForLeave':
      if (state.status !== 'none') throw new DomainError('leave-request-exists');
      return [applyForLeave(command)];
    case 'ApproveLeave': {
      const leave = pending(state);
      notOwnLeave(leave, command.data.approvedBy);
      refuseFinalizedPeriods(leave.unpaid, leave.leaveDays, command.data.finalizedPeriods);
      const { leaveRequestId, employeeId, leaveTypeId, unpaid, fromDate, toDate, leaveDays, totalDays } = leave;
      return [
        hrms.leaveApproved({
          leaveRequestId,
          employeeId,
          leaveTypeId,
          unpaid,
          fromDate,
          toDate,
          leaveDays,
          totalDays,
          approvedBy: command.data.approvedBy,
          approvedAt: now,
        }),
      ];
    }
    case 'RejectLeave': {
      const leave = pending(state);
      notOwnLeave(leave, command.data.rejectedBy);
      const { leaveRequestId, employeeId, leaveTypeId, unpaid, fromDate, toDate, totalDays } = leave;
      return [
        hrms.leaveRejected({
          leaveRequestId,
          employeeId,
          leaveTypeId,
          unpaid,
          fromDate,
          toDate,
          totalDays,
          reason: command.data.reason ?? '',
          rejectedBy: command.data.rejectedBy,
          rejectedAt: now,
        }),
      ];
    }
    case 'CancelLeave': {
      if (state.status === 'none') throw new DomainError('leave-request-not-found');
      if (state.status !== 'pending' && state.status !== 'approved')
        throw new DomainError('leave-not-cancellable', { status: state.status });
      const wasApproved = state.status === 'approved';
      // A pending leave never reached payroll, so only an approved one must respect finalized periods.
      if (wasApproved) refuseFinalizedPeriods(state.leave.unpaid, state.leave.leaveDays, command.data.finalizedPeriods);
      const { leaveRequestId, employeeId, leaveTypeId, unpaid, fromDate, toDate, leaveDays, totalDays } = state.leave;
      return [
        hrms.leaveCancelled({
          leaveRequestId,
          employeeId,
          leaveTypeId,
          unpaid,
          fromDate,
          toDate,
          leaveDays,
          totalDays,
          wasApproved,
          reason: command.data.reason ?? '',
          cancelledBy: command.data.cancelledBy,
          cancelledAt: now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: LeaveRequestState, event: LeaveRequestEvent): LeaveRequestState {
  if (event.type === 'LeaveRequested') return { status: 'pending', leave: event.data };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'LeaveApproved':
      return { status: 'approved', leave: state.leave, approvedBy: event.data.approvedBy };
    case 'LeaveRejected':
      return { status: 'rejected', leave: state.leave };
    case 'LeaveCancelled':
      return { status: 'cancelled', leave: state.leave };
    default:
      return assertNever(event);
  }
}

export const leaveRequestDecider: Decider<LeaveRequestCommand, LeaveRequestEvent, LeaveRequestState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
