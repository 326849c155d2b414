import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { chat } from '@hexfleet/schemas';
import type { Command } from './channel.types';

/**
 * Stream `<tenant>/chat-employee/<employeeId>`, topic chat.employee.v1 (internal): what chat
 * knows of an employee for their default channels. HRMS says the department (EmployeeHired),
 * identity says the account (UserRegistered with employeeId); the two arrive on different
 * topics in either order, and the employee joins their channels once both are known.
 */
export type EmployeeEvent = chat.ChatEmployeeV1Event;

export type NoteHire = Command<'NoteHire', { employeeId: string; department: string; userId: string | null }>;
export type LinkAccount = Command<'LinkAccount', { employeeId: string; userId: string }>;
export type NoteSeparation = Command<'NoteSeparation', { employeeId: string }>;
export type EmployeeCommand = NoteHire | LinkAccount | NoteSeparation;

export interface EmployeeState {
  department: string | null;
  userId: string | null;
  separated: boolean;
}

/** Each fact is noted once: a second hire, link or separation of the same employee changes nothing. */
function decide(command: EmployeeCommand, state: EmployeeState): EmployeeEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'NoteHire': {
      if (state.department !== null) return [];
      const { employeeId, department, userId } = command.data;
      return [chat.employeeNoted({ employeeId, department, userId: state.userId ? null : userId, notedAt: now })];
    }
    case 'LinkAccount':
      if (state.userId !== null) return [];
      return [chat.employeeAccountLinked({ ...command.data, linkedAt: now })];
    case 'NoteSeparation':
      if (state.separated) return [];
      return [chat.employeeSeparationNoted({ employeeId: command.data.employeeId, notedAt: now })];
    default:
      return assertNever(command);
  }
}

function evolve(state: EmployeeState, event: EmployeeEvent): EmployeeState {
  switch (event.type) {
    case 'EmployeeNoted':
      return { ...state, department: event.data.department, userId: state.userId ?? event.data.userId };
    case 'EmployeeAccountLinked':
      return { ...state, userId: event.data.userId };
    case 'EmployeeSeparationNoted':
      return { ...state, separated: true };
    default:
      return assertNever(event);
  }
}

export const employeeDecider: Decider<EmployeeCommand, EmployeeEvent, EmployeeState> = {
  initialState: { department: null, userId: null, separated: false },
  decide,
  evolve,
};

/**
 * Whether the facts just decided complete what a join needs (a department and an account, not
 * separated) where those before did not: the employee joins their default channels exactly then.
 */
export function joinsNow(before: EmployeeState, after: EmployeeState): { userId: string; department: string } | null {
  const complete = (s: EmployeeState) => s.department !== null && s.userId !== null && !s.separated;
  if (complete(before) || !complete(after)) return null;
  return { userId: after.userId as string, department: after.department as string };
}
