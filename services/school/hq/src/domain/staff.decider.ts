import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkMove } from './transfer';
import type { Move, Placement } from './transfer';

/** School roles that move with a member of staff (HQ's own role is the group's, not a school's). */
export const STAFF_ROLES = ['teacher', 'librarian', 'school-admin'] as const;

/** Stream `<tenant>/staff/<userId>`, topic hq.staff.v1: the school a member of staff works in, as HQ knows it. */
export type StaffEvent = hq.HqStaffV1Event;
export type TransferStaff = Command<'TransferStaff', Move & { userId: string; roles: string[] }>;
export type StaffCommand = TransferStaff;
export type StaffState = { status: 'none' } | ({ status: 'placed'; userId: string; roles: string[] } & Placement);

function checkRoles(roles: readonly string[]): string[] {
  const known = roles.every((role) => STAFF_ROLES.some((r) => r === role));
  if (!roles.length || !known || new Set(roles).size !== roles.length)
    throw new DomainError('invalid-staff-roles', { field: 'roles', allowed: STAFF_ROLES });
  return [...roles];
}

function decide(command: StaffCommand, state: StaffState): StaffEvent[] {
  switch (command.type) {
    case 'TransferStaff': {
      const roles = checkRoles(command.data.roles);
      const { schools: _schools, ...move } = checkMove(command.data, state.status === 'placed' ? state : null);
      return [
        hq.staffTransferred({ ...move, userId: command.data.userId, roles, transferredAt: command.metadata.now }),
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'StaffTransferred': {
      const { userId, toSchoolId, roles, effectiveDate } = event.data;
      return { status: 'placed', userId, roles, schoolId: toSchoolId, since: effectiveDate };
    }
    default:
      return assertNever(event.type);
  }
}

export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
