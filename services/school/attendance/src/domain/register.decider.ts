import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';

/** Stream `<tenant>/register/<registerId>`, topic attendance.register.v1. */
export type RegisterEvent = attendance.AttendanceRegisterV1Event;

/** A command is plain data; time comes in `metadata.now` because the domain never reads a clock. */
interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/** The id of a new register comes in with the command, like the time. */
export type CreateRegister = Command<'CreateRegister', { registerId: string; name: string }>;
export type RenameRegister = Command<'RenameRegister', { name: string }>;
export type RegisterCommand = CreateRegister | RenameRegister;

export type RegisterState = { status: 'none' } | { status: 'active'; registerId: string; name: string };

/** The longest name, after trimming; the REST body documents the same limit. */
export const MAX_NAME_LENGTH = 100;

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw new DomainError('invalid-register-name', { maxLength: MAX_NAME_LENGTH });
  }
  return trimmed;
}

function decide(command: RegisterCommand, state: RegisterState): RegisterEvent[] {
  switch (command.type) {
    case 'CreateRegister': {
      if (state.status !== 'none') throw new DomainError('register-already-exists', { registerId: state.registerId });
      const { registerId, name } = command.data;
      return [attendance.registerCreated({ registerId, name: validName(name), createdAt: command.metadata.now })];
    }
    case 'RenameRegister': {
      if (state.status === 'none') throw new DomainError('register-not-found');
      const name = validName(command.data.name);
      if (name === state.name) throw new DomainError('register-name-unchanged', { name });
      return [
        attendance.registerRenamed({
          registerId: state.registerId,
          previousName: state.name,
          name,
          renamedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: RegisterState, event: RegisterEvent): RegisterState {
  switch (event.type) {
    case 'RegisterCreated':
      return { status: 'active', registerId: event.data.registerId, name: event.data.name };
    case 'RegisterRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.name };
    default:
      return assertNever(event);
  }
}

export const registerDecider: Decider<RegisterCommand, RegisterEvent, RegisterState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
