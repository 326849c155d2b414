import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { CopyCommand, CopyEvent, CopyState, HoldForPickup, Known } from './copy.types';

/**
 * One physical copy. Stream `<tenant>/copy/<copyId>`, topic libraries.copy.v1.
 *
 * THIS STREAM'S VERSION GUARDS AVAILABILITY. A checkout appends CopyLent here
 * (LendCopy) and BookBorrowed to the new loan stream in one transaction, with
 * the copy version it read as the expected version. When 50 patrons race for
 * one copy, one append wins; every other one conflicts, re-decides on the new
 * state and gets `copy-not-available`.
 */
function known(state: CopyState) {
  if (state.status === 'none') throw new DomainError('copy-not-found');
  return state;
}

function decide(command: CopyCommand, state: CopyState): CopyEvent[] {
  const at = command.metadata.now;
  switch (command.type) {
    case 'AddCopy': {
      if (state.status !== 'none') throw new DomainError('copy-already-exists', { copyId: state.copyId });
      if (!command.data.barcode.trim()) throw new DomainError('barcode-required');
      return [libraries.copyAdded({ ...command.data, addedAt: at })];
    }
    case 'LendCopy': {
      const copy = known(state);
      const { loanId, patronId } = command.data;
      // A copy on the hold shelf is lent only to the patron it waits for.
      const lendable = copy.status === 'available' || (copy.status === 'on-hold-shelf' && copy.patronId === patronId);
      if (!lendable) throw new DomainError('copy-not-available', { copyId: copy.copyId, status: copy.status });
      return [libraries.copyLent({ ...ids(copy), loanId, patronId, lentAt: at })];
    }
    case 'CheckInCopy': {
      const copy = known(state);
      if (copy.status !== 'on-loan' || copy.loanId !== command.data.loanId) {
        throw new DomainError('copy-not-on-loan', { copyId: copy.copyId, status: copy.status });
      }
      return [
        libraries.copyCheckedIn({ ...ids(copy), loanId: copy.loanId, checkedInAt: at }),
        ...toHoldShelf(copy, command.data.nextHold, at),
      ];
    }
    case 'ReleaseCopyFromHoldShelf': {
      const copy = known(state);
      if (copy.status !== 'on-hold-shelf' || copy.holdId !== command.data.holdId) {
        throw new DomainError('copy-not-on-hold-shelf', { copyId: copy.copyId, status: copy.status });
      }
      const released = libraries.copyReleasedFromHoldShelf({ ...ids(copy), holdId: copy.holdId, releasedAt: at });
      return [released, ...toHoldShelf(copy, command.data.nextHold, at)];
    }
    case 'MarkCopyLost': {
      const copy = known(state);
      const { loanId } = command.data;
      if (copy.status === 'lost') throw new DomainError('copy-already-lost');
      if (copy.status === 'withdrawn') throw new DomainError('copy-withdrawn');
      if (copy.status === 'on-hold-shelf') throw new DomainError('copy-on-hold-shelf', { holdId: copy.holdId });
      // A copy out on a loan is lost through that loan, so the loan closes and the patron is charged.
      const onLoan = copy.status === 'on-loan' ? copy.loanId : null;
      if (onLoan !== loanId) throw new DomainError('copy-loan-mismatch', { status: copy.status, loanId: onLoan });
      return [libraries.copyMarkedLost({ ...ids(copy), loanId, markedAt: at })];
    }
    case 'MarkCopyDamaged': {
      const copy = known(state);
      if (copy.status !== 'available') throw new DomainError('copy-not-on-shelf', { status: copy.status });
      return [libraries.copyMarkedDamaged({ ...ids(copy), note: command.data.note, markedAt: at })];
    }
    case 'RepairCopy': {
      const copy = known(state);
      if (copy.status !== 'damaged') throw new DomainError('copy-not-damaged', { status: copy.status });
      return [libraries.copyRepaired({ ...ids(copy), repairedAt: at })];
    }
    case 'WithdrawCopy': {
      const copy = known(state);
      if (copy.status === 'withdrawn') throw new DomainError('copy-withdrawn');
      if (copy.status === 'on-loan' || copy.status === 'on-hold-shelf') {
        throw new DomainError('copy-in-circulation', { status: copy.status });
      }
      return [libraries.copyWithdrawn({ ...ids(copy), reason: command.data.reason, withdrawnAt: at })];
    }
    default:
      return assertNever(command);
  }
}

const ids = ({ copyId, titleId, schoolId }: Known) => ({ copyId, titleId, schoolId });

function toHoldShelf(copy: Known, hold: HoldForPickup | null, at: string): CopyEvent[] {
  return hold ? [libraries.copyPutOnHoldShelf({ ...ids(copy), ...hold, shelvedAt: at })] : [];
}

function evolve(state: CopyState, event: CopyEvent): CopyState {
  if (event.type === 'CopyAdded') {
    const { copyId, titleId, schoolId, barcode } = event.data;
    return { status: 'available', copyId, titleId, schoolId, barcode };
  }
  if (state.status === 'none') return state;
  const base: Known = {
    copyId: state.copyId,
    titleId: state.titleId,
    schoolId: state.schoolId,
    barcode: state.barcode,
  };
  switch (event.type) {
    case 'CopyLent':
      return { ...base, status: 'on-loan', loanId: event.data.loanId, patronId: event.data.patronId };
    case 'CopyCheckedIn':
    case 'CopyReleasedFromHoldShelf':
    case 'CopyRepaired':
      return { ...base, status: 'available' };
    case 'CopyPutOnHoldShelf':
      return { ...base, status: 'on-hold-shelf', holdId: event.data.holdId, patronId: event.data.patronId };
    case 'CopyMarkedLost':
      return { ...base, status: 'lost' };
    case 'CopyMarkedDamaged':
      return { ...base, status: 'damaged' };
    case 'CopyWithdrawn':
      return { ...base, status: 'withdrawn' };
    default:
      return assertNever(event);
  }
}

export const copyDecider: Decider<CopyCommand, CopyEvent, CopyState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
