import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { pipeline } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/owner/<userId>`, topic pipeline.owner.v1: the tenant's users who may own cards. */
export type OwnerEvent = pipeline.PipelineOwnerV1Event;

export type RegisterOwner = Command<
  'RegisterOwner',
  { userId: string; displayName: string; email: string; employeeId: string | null }
>;
export type DeactivateOwner = Command<'DeactivateOwner', { userId: string; reason: string }>;
export type OwnerCommand = RegisterOwner | DeactivateOwner;

export type OwnerState =
  | { status: 'none' }
  | { status: 'active' | 'inactive'; userId: string; displayName: string; employeeId: string | null };

/** Both commands come from other services' facts: a repeat, or a deactivation of someone never registered, changes nothing. */
function decide(command: OwnerCommand, state: OwnerState): OwnerEvent[] {
  switch (command.type) {
    case 'RegisterOwner': {
      if (state.status !== 'none') return [];
      const { userId, displayName, email, employeeId } = command.data;
      return [pipeline.ownerRegistered({ userId, displayName, email, employeeId, registeredAt: command.metadata.now })];
    }
    case 'DeactivateOwner':
      if (state.status !== 'active') return [];
      return [
        pipeline.ownerDeactivated({
          userId: state.userId,
          reason: command.data.reason,
          deactivatedAt: command.metadata.now,
        }),
      ];
    default:
      return assertNever(command);
  }
}

function evolve(state: OwnerState, event: OwnerEvent): OwnerState {
  switch (event.type) {
    case 'OwnerRegistered':
      return {
        status: 'active',
        userId: event.data.userId,
        displayName: event.data.displayName,
        employeeId: event.data.employeeId,
      };
    case 'OwnerDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'inactive' };
    default:
      return assertNever(event);
  }
}

export const ownerDecider: Decider<OwnerCommand, OwnerEvent, OwnerState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
