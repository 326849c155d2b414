import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import { addDays, daysBetween } from './dates';
import { normalizeIsbn } from './isbn';
import { resolveLoanRule } from './loan-rules';
import type { Hold, PlaceHold, TitleCommand, TitleEvent, TitleState } from './title.types';

/**
 * A catalogued title and its holds queue. Stream `<tenant>/title/<titleId>`,
 * topic libraries.title.v1. The queue lives here so its order (first come,
 * first served) is guarded by one stream's version.
 */
type Catalogued = Extract<TitleState, { status: 'catalogued' }>;

function decide(command: TitleCommand, state: TitleState): TitleEvent[] {
  const at = command.metadata.now;
  if (command.type === 'CatalogueTitle') {
    if (state.status !== 'none') throw new DomainError('title-already-catalogued', { titleId: state.titleId });
    const { title, isbn, itemType } = command.data;
    if (!title.trim()) throw new DomainError('title-required');
    if (!itemType.trim()) throw new DomainError('item-type-required');
    const normalized = isbn === null ? null : normalizeIsbn(isbn);
    if (isbn !== null && normalized === null) throw new DomainError('invalid-isbn', { isbn });
    return [libraries.titleCatalogued({ ...command.data, isbn: normalized, cataloguedAt: at })];
  }
  if (state.status === 'none') throw new DomainError('title-not-found');
  const ids = { titleId: state.titleId, schoolId: state.schoolId };
  switch (command.type) {
    case 'PlaceHold':
      return [placeHold(command, state, at)];
    case 'ReadyHoldForPickup': {
      const { copyId, barcode, today, pickupDays } = command.data;
      const next = nextWaitingHold(state);
      if (!next) throw new DomainError('no-waiting-holds');
      if (!Number.isInteger(pickupDays) || pickupDays < 1) throw new DomainError('invalid-pickup-days', { pickupDays });
      const { holdId, patronId } = next;
      const pickupBy = addDays(today, pickupDays);
      return [libraries.holdReadyForPickup({ ...ids, holdId, patronId, copyId, barcode, pickupBy, readyAt: at })];
    }
    case 'ExpireHold': {
      const hold = readyHold(state, command.data.holdId);
      if (daysBetween(hold.pickupBy, command.data.today) <= 0) {
        throw new DomainError('pickup-period-not-over', { pickupBy: hold.pickupBy });
      }
      const { holdId, patronId, copyId } = hold;
      return [libraries.holdExpired({ ...ids, holdId, patronId, copyId, expiredAt: at })];
    }
    case 'CancelHold': {
      const hold = findHold(state, command.data.holdId);
      const copyId = hold.status === 'ready' ? hold.copyId : null;
      const { holdId, patronId } = hold;
      return [
        libraries.holdCancelled({ ...ids, holdId, patronId, copyId, reason: command.data.reason, cancelledAt: at }),
      ];
    }
    case 'FulfilHold': {
      const hold = readyHold(state, command.data.holdId);
      const { copyId, loanId } = command.data;
      if (hold.copyId !== copyId) throw new DomainError('hold-copy-mismatch', { heldCopyId: hold.copyId, copyId });
      return [
        libraries.holdFulfilled({
          ...ids,
          holdId: hold.holdId,
          patronId: hold.patronId,
          copyId,
          loanId,
          fulfilledAt: at,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function placeHold(command: PlaceHold, title: Catalogued, at: string): TitleEvent {
  const { holdId, patron, rules } = command.data;
  if (patron.standing === 'blocked') throw new DomainError('patron-blocked', { patronId: patron.patronId });
  if (patron.standing === 'withdrawn') throw new DomainError('patron-withdrawn', { patronId: patron.patronId });
  if (title.holds.some((h) => h.patronId === patron.patronId)) throw new DomainError('hold-already-placed');
  if (title.holds.some((h) => h.holdId === holdId)) throw new DomainError('hold-already-exists', { holdId });
  const { maxHolds } = resolveLoanRule(rules, patron.category, title.itemType);
  if (patron.activeHolds >= maxHolds) {
    throw new DomainError('hold-limit-reached', { activeHolds: patron.activeHolds, maxHolds });
  }
  return libraries.holdPlaced({
    holdId,
    titleId: title.titleId,
    schoolId: title.schoolId,
    patronId: patron.patronId,
    queuePosition: waitingHolds(title).length + 1,
    placedAt: at,
  });
}

/** The holds still waiting for a copy, first placed first. */
export const waitingHolds = (state: TitleState): Hold[] =>
  state.status === 'catalogued' ? state.holds.filter((h) => h.status === 'waiting') : [];

/** Who gets the next copy that comes back, if anyone: what the caller passes as the copy's `nextHold`. */
export const nextWaitingHold = (state: TitleState): Hold | undefined => waitingHolds(state)[0];

function findHold(title: Catalogued, holdId: string): Hold {
  const hold = title.holds.find((h) => h.holdId === holdId);
  if (!hold) throw new DomainError('hold-not-found', { holdId });
  return hold;
}

function readyHold(title: Catalogued, holdId: string) {
  const hold = findHold(title, holdId);
  if (hold.status !== 'ready') throw new DomainError('hold-not-ready', { holdId });
  return hold;
}

function evolve(state: TitleState, event: TitleEvent): TitleState {
  if (event.type === 'TitleCatalogued') {
    const { titleId, schoolId, itemType } = event.data;
    return { status: 'catalogued', titleId, schoolId, itemType, holds: [] };
  }
  if (state.status === 'none') return state;
  const without = (holdId: string) => state.holds.filter((h) => h.holdId !== holdId);
  switch (event.type) {
    case 'HoldPlaced':
      return {
        ...state,
        holds: [...state.holds, { holdId: event.data.holdId, patronId: event.data.patronId, status: 'waiting' }],
      };
    case 'HoldReadyForPickup': {
      const { holdId, copyId, pickupBy } = event.data;
      const holds = state.holds.map((h): Hold =>
        h.holdId === holdId ? { ...h, status: 'ready', copyId, pickupBy } : h,
      );
      return { ...state, holds };
    }
    case 'HoldExpired':
    case 'HoldCancelled':
    case 'HoldFulfilled':
      return { ...state, holds: without(event.data.holdId) };
    default:
      return assertNever(event);
  }
}

export const titleDecider: Decider<TitleCommand, TitleEvent, TitleState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
