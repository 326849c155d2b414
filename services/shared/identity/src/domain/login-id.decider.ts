import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { Command } from './command';
import { normalizeLoginId } from './login-id';

/**
 * Stream `<tenant>/login-id/<normalizeLoginId(email)>`: one stream per login
 * id, so "login id unique per tenant" is guarded by this stream's version.
 * Two registrations of one email both append here at the version they read;
 * the second fails with a concurrency error, whatever the user streams say.
 * The application appends the reservation and the new user's streams in one
 * transaction, so no user exists without its login id (nor the reverse).
 */
export type LoginIdCommand =
  | Command<'ReserveLoginId', { email: string; userId: string }>
  | Command<'ReleaseLoginId', { email: string; userId: string }>;

export type LoginIdEvent = identity.IdentityLoginIdV1Event;

export type LoginIdState = { status: 'free' } | { status: 'reserved'; loginId: string; userId: string };

function decide(command: LoginIdCommand, state: LoginIdState): LoginIdEvent[] {
  const now = command.metadata.now;
  const loginId = normalizeLoginId(command.data.email);
  const { userId } = command.data;
  if (state.status === 'reserved' && state.loginId !== loginId)
    throw new DomainError('wrong-login-id-stream', { loginId, stream: state.loginId });
  switch (command.type) {
    case 'ReserveLoginId':
      if (state.status === 'free') return [identity.loginIdReserved({ loginId, userId, reservedAt: now })];
      // The same user again is a retried registration: nothing to change, so nothing to record.
      if (state.userId === userId) return [];
      throw new DomainError('login-id-taken', { loginId });
    case 'ReleaseLoginId':
      if (state.status === 'free' || state.userId !== userId)
        throw new DomainError('login-id-not-held', { loginId, userId });
      return [identity.loginIdReleased({ loginId, userId, releasedAt: now })];
    default:
      return assertNever(command);
  }
}

function evolve(_state: LoginIdState, event: LoginIdEvent): LoginIdState {
  switch (event.type) {
    case 'LoginIdReserved':
      return { status: 'reserved', loginId: event.data.loginId, userId: event.data.userId };
    case 'LoginIdReleased':
      return { status: 'free' };
    default:
      return assertNever(event);
  }
}

export const loginIdDecider: Decider<LoginIdCommand, LoginIdEvent, LoginIdState> = {
  initialState: { status: 'free' },
  decide,
  evolve,
};
