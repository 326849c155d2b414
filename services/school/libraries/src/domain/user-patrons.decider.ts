import { assertNever, Decider } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * Which patrons a platform user has, one per school (ADR 0044). Stream
 * `<tenant>/user-patrons/<userId>`, topic libraries.user-patrons.v1 (internal): written in
 * the transaction that registers the patron, so identity's UserDeactivated finds every
 * patron of the user without waiting on a read model.
 */
export type LinkUserPatron = Command<'LinkUserPatron', { userId: string; patronId: string; schoolId: string }>;
export type UserPatronsCommand = LinkUserPatron;
export type UserPatronsEvent = libraries.LibrariesUserPatronsV1Event;
export interface UserPatronsState {
  patrons: ReadonlyArray<{ patronId: string; schoolId: string }>;
}

function decide(command: UserPatronsCommand, state: UserPatronsState): UserPatronsEvent[] {
  switch (command.type) {
    case 'LinkUserPatron': {
      const { userId, patronId, schoolId } = command.data;
      if (state.patrons.some((p) => p.patronId === patronId)) return [];
      return [libraries.userPatronLinked({ userId, patronId, schoolId, linkedAt: command.metadata.now })];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: UserPatronsState, event: UserPatronsEvent): UserPatronsState {
  switch (event.type) {
    case 'UserPatronLinked': {
      const { patronId, schoolId } = event.data;
      return { patrons: [...state.patrons, { patronId, schoolId }] };
    }
    default:
      return assertNever(event.type);
  }
}

export const userPatronsDecider: Decider<UserPatronsCommand, UserPatronsEvent, UserPatronsState> = {
  initialState: { patrons: [] },
  decide,
  evolve,
};
