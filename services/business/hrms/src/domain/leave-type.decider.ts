import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireText } from './dates';

/** Stream `<tenant>/leave-type/<leaveTypeId>`, topic hrms.leave-type.v1. */
export type LeaveTypeEvent = hrms.HrmsLeaveTypeV1Event;
export type LeaveTypeState =
  { status: 'none' } | { status: 'defined'; leaveTypeId: string; name: string; unpaid: boolean };
export type DefineLeaveType = Command<'DefineLeaveType', { leaveTypeId: string; name: string; unpaid: boolean }>;
export type LeaveTypeCommand = DefineLeaveType;

export const leaveTypeDecider: Decider<LeaveTypeCommand, LeaveTypeEvent, LeaveTypeState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'DefineLeaveType': {
        if (state.status !== 'none') throw new DomainError('leave-type-exists', { leaveTypeId: state.leaveTypeId });
        const { leaveTypeId, name, unpaid } = command.data;
        return [
          hrms.leaveTypeDefined({
            leaveTypeId,
            name: requireText(name, 'name'),
            unpaid: unpaid === true,
            definedAt: command.metadata.now,
          }),
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'LeaveTypeDefined':
        return { status: 'defined', ...event.data };
      default:
        return assertNever(event.type);
    }
  },
};
