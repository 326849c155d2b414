import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * A library patron of one school. Stream `<tenant>/patron/<patronId>`, topic
 * libraries.patron.v1. Its standing (active, blocked, withdrawn) and category
 * are what checkouts and holds are decided against.
 */
export type RegisterPatron = Command<
  'RegisterPatron',
  { patronId: string; schoolId: string; userId: string | null; name: string; category: string }
>;
/** Changing to the current category returns [] (idempotent), so a re-delivered policy event is harmless. */
export type ChangePatronCategory = Command<'ChangePatronCategory', { category: string }>;
export type BlockPatron = Command<'BlockPatron', { reason: string }>;
export type UnblockPatron = Command<'UnblockPatron', Record<string, never>>;
export type WithdrawPatron = Command<'WithdrawPatron', { reason: string }>;
export type PatronCommand = RegisterPatron | ChangePatronCategory | BlockPatron | UnblockPatron | WithdrawPatron;
export type PatronEvent = libraries.LibrariesPatronV1Event;

type Registered = { patronId: string; schoolId: string; category: string };
export type PatronState =
  | { status: 'none' }
  | ({ status: 'active' } & Registered)
  | ({ status: 'blocked'; reason: string } & Registered)
  | ({ status: 'withdrawn' } & Registered);

function registered(state: PatronState) {
  if (state.status === 'none') throw new DomainError('patron-not-found');
  return state;
}

function decide(command: PatronCommand, state: PatronState): PatronEvent[] {
  const at = command.metadata.now;
  switch (command.type) {
    case 'RegisterPatron': {
      if (state.status !== 'none') throw new DomainError('patron-already-registered', { patronId: state.patronId });
      const { category, name } = command.data;
      if (!category.trim()) throw new DomainError('category-required');
      if (!name.trim()) throw new DomainError('name-required');
      return [libraries.patronRegistered({ ...command.data, registeredAt: at })];
    }
    case 'ChangePatronCategory': {
      const patron = registered(state);
      if (!command.data.category.trim()) throw new DomainError('category-required');
      if (patron.status === 'withdrawn') throw new DomainError('patron-withdrawn');
      if (patron.category === command.data.category) return [];
      const { patronId, schoolId, category: previousCategory } = patron;
      return [
        libraries.patronCategoryChanged({
          patronId,
          schoolId,
          previousCategory,
          category: command.data.category,
          changedAt: at,
        }),
      ];
    }
    case 'BlockPatron': {
      const { status, patronId, schoolId } = registered(state);
      if (status === 'withdrawn') throw new DomainError('patron-withdrawn');
      if (status === 'blocked') throw new DomainError('patron-already-blocked');
      return [libraries.patronBlocked({ patronId, schoolId, reason: command.data.reason, blockedAt: at })];
    }
    case 'UnblockPatron': {
      const { status, patronId, schoolId } = registered(state);
      if (status !== 'blocked') throw new DomainError('patron-not-blocked', { status });
      return [libraries.patronUnblocked({ patronId, schoolId, unblockedAt: at })];
    }
    case 'WithdrawPatron': {
      const { status, patronId, schoolId } = registered(state);
      if (status === 'withdrawn') throw new DomainError('patron-withdrawn');
      return [libraries.patronWithdrawn({ patronId, schoolId, reason: command.data.reason, withdrawnAt: at })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: PatronState, event: PatronEvent): PatronState {
  switch (event.type) {
    case 'PatronRegistered': {
      const { patronId, schoolId, category } = event.data;
      return { status: 'active', patronId, schoolId, category };
    }
    case 'PatronCategoryChanged':
      return state.status === 'none' ? state : { ...state, category: event.data.category };
    case 'PatronBlocked':
      return state.status === 'none'
        ? state
        : { ...registeredPart(state), status: 'blocked', reason: event.data.reason };
    case 'PatronUnblocked':
      return state.status === 'none' ? state : { ...registeredPart(state), status: 'active' };
    case 'PatronWithdrawn':
      return state.status === 'none' ? state : { ...registeredPart(state), status: 'withdrawn' };
    default:
      return assertNever(event);
  }
}

const registeredPart = ({ patronId, schoolId, category }: Registered): Registered => ({ patronId, schoolId, category });

export const patronDecider: Decider<PatronCommand, PatronEvent, PatronState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
