import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { profile } from '@hexfleet/schemas';
import type { Command } from './command';

export type EmployeeLinkEvent = profile.ProfileEmployeeLinkV1Event;

export interface Placement {
  department: string | null;
  designation: string | null;
}

/**
 * Stream `<tenant>/employee-link/<employeeId>`: what profile knows of one HRMS
 * employee. HRMS names the employee, identity the user, and their events reach
 * profile in no guaranteed order; both reactions append here, so its version
 * makes the second of them see the first and pre-fill the profile exactly once.
 */
export type EmployeeLinkState =
  { status: 'none' } | { status: 'known'; employeeId: string; userId: string | null; placement: Placement };

export type EmployeeLinkCommand =
  /** From HRMS EmployeeHired (both fields), EmployeePromoted (designation), EmployeeTransferred (department). */
  | Command<'NotePlacement', { employeeId: string; department?: string; designation?: string }>
  /** From identity UserRegistered's employeeId, or EmployeeHired's userId. */
  | Command<'NoteAccount', { employeeId: string; userId: string }>;

const NOBODY: Placement = { department: null, designation: null };

const placementOf = (state: EmployeeLinkState) => (state.status === 'known' ? state.placement : NOBODY);

function decide(command: EmployeeLinkCommand, state: EmployeeLinkState): EmployeeLinkEvent[] {
  const { employeeId } = command.data;
  if (!isUuid(employeeId)) throw new DomainError('invalid-employee-id', { employeeId });
  const notedAt = command.metadata.now;
  switch (command.type) {
    case 'NotePlacement': {
      const current = placementOf(state);
      const department = command.data.department?.trim() || current.department;
      const designation = command.data.designation?.trim() || current.designation;
      // A redelivered or repeated placement changes nothing: idempotent, not an error.
      if (department === current.department && designation === current.designation) return [];
      return [profile.employeePlacementNoted({ employeeId, department, designation, notedAt })];
    }
    case 'NoteAccount': {
      const { userId } = command.data;
      if (!isUuid(userId)) throw new DomainError('invalid-user-id', { userId });
      const known = state.status === 'known' ? state.userId : null;
      if (known === userId) return [];
      // One employee, one account: a second is a mistake upstream, not a reason to move the placement.
      if (known !== null) throw new DomainError('employee-has-another-account', { employeeId, userId: known });
      return [profile.employeeAccountNoted({ employeeId, userId, notedAt })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: EmployeeLinkState, event: EmployeeLinkEvent): EmployeeLinkState {
  const known =
    state.status === 'known' ? state : { employeeId: event.data.employeeId, userId: null, placement: NOBODY };
  switch (event.type) {
    case 'EmployeePlacementNoted': {
      const { department, designation } = event.data;
      return { ...known, status: 'known', placement: { department, designation } };
    }
    case 'EmployeeAccountNoted':
      return { ...known, status: 'known', userId: event.data.userId };
    default:
      return assertNever(event);
  }
}

export const employeeLinkDecider: Decider<EmployeeLinkCommand, EmployeeLinkEvent, EmployeeLinkState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
