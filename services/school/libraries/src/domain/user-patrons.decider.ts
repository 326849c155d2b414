import { assertNever, Decider } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * Which patrons a platform user has, one per school, and whether identity has the user
 * deactivated (ADR 0044). Stream `<tenant>/user-patrons/<userId>`, topic
 * libraries.user-patrons.v1 (internal): written in the transaction that registers the patron,
 * so identity's UserDeactivated finds every patron of the user without waiting on a read
 * model, and a patron registered for a deactivated user is blocked at once, whichever of the
 * two topics is read first.
 */
export type LinkUserPatron = Command<'LinkUserPatron', { userId: string; patronId: string; schoolId: string }>;
export type NoteUserDeactivated = Command<'NoteUserDeactivated', { userId: string }>;
export type NoteUserReactivated = Command<'NoteUserReactivated', { userId: string }>;
export type UserPatronsCommand = LinkUserPatron | NoteUserDeactivated | NoteUserReactivated;
export type UserPatronsEvent = libraries.LibrariesUserPatronsV1Event;
export interface UserPatronsState {
  patrons: ReadonlyArray<{ patronId: string; schoolId: string }>;
  deactivated: boolean;
}

function decide(command: UserPatronsCommand, state: UserPatronsState): UserPatronsEvent[] {
  const { now } = command.metadata;
  switch (command.type) {
    case 'LinkUserPatron': {
      const { userId, patronId, schoolId } = command.data;
      if (state.patrons.some((p) => p.patronId === patronId)) return [];
      return [libraries.userPatronLinked({ userId, patronId, schoolId, linkedAt: now })];
    }
    // Noting what identity said again (redelivered, or said twice) changes nothing.
    case 'NoteUserDeactivated':
      return state.deactivated ? [] : [libraries.userDeactivationNoted({ userId: command.data.userId, notedAt: now })];
    case 'NoteUserReactivated':
      return state.deactivated ? [libraries.userReactivationNoted({ userId: command.data.userId, notedAt: now })] : [];
    default:
      return assertNever(command);
  }
}

function evolve(state: UserPatronsState, event: UserPatronsEvent): UserPatronsState {
  switch (event.type) {
    case 'UserPatronLinked': {
      const { patronId, schoolId } = event.data;
      return { ...state, patrons: [...state.patrons, { patronId, schoolId }] };
    }
    case 'UserDeactivationNoted':
      return { ...state, deactivated: true };
    case 'UserReactivationNoted':
      return { ...state, deactivated: false };
    default:
      return assertNever(event);
  }
}

export const userPatronsDecider: Decider<UserPatronsCommand, UserPatronsEvent, UserPatronsState> = {
  initialState: { patrons: [], deactivated: false },
  decide,
  evolve,
};
