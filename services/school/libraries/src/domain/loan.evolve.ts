import { assertNever, Money } from '@hexfleet/kernel';
import type { LoanEvent, LoanState } from './loan.types';

/** Folds loan events; kept apart from decide so each file stays readable. */
export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  switch (event.type) {
    case 'BookBorrowed': {
      const e = event.data;
      return {
        status: 'active',
        loanId: e.loanId,
        schoolId: e.schoolId,
        copyId: e.copyId,
        barcode: e.barcode,
        titleId: e.titleId,
        patronId: e.patronId,
        dueDate: e.dueDate,
        renewals: 0,
        lastOverdueOn: null,
        terms: {
          loanPeriodDays: e.loanPeriodDays,
          maxRenewals: e.maxRenewals,
          fineRatePerDay: Money.of(e.fineRatePerDayMinor, e.currency),
          graceDays: e.graceDays,
          fineCap: e.fineCapMinor === null ? null : Money.of(e.fineCapMinor, e.currency),
          hardDueDate: e.hardDueDate,
        },
      };
    }
    case 'BookRenewed':
      return state.status === 'active'
        ? { ...state, dueDate: event.data.dueDate, renewals: event.data.renewals }
        : state;
    case 'LoanOverdue':
      return state.status === 'active' ? { ...state, lastOverdueOn: event.data.asOf } : state;
    case 'BookReturned':
    case 'ItemLost': {
      if (state.status !== 'active') return state;
      const { loanId, schoolId, copyId, barcode, titleId, patronId } = state;
      const status = event.type === 'ItemLost' ? 'lost' : 'returned';
      return { status, loanId, schoolId, copyId, barcode, titleId, patronId, fineOutstanding: null };
    }
    case 'FineAssessed':
      return closedWithFine(state, Money.of(event.data.amountMinor, event.data.currency));
    case 'FinePaid':
      return closedWithFine(state, Money.of(event.data.outstandingMinor, event.data.currency));
    case 'FineWaived':
      return closedWithFine(state, Money.zero(event.data.currency));
    default:
      return assertNever(event);
  }
}

const closedWithFine = (state: LoanState, outstanding: Money): LoanState =>
  state.status === 'returned' || state.status === 'lost' ? { ...state, fineOutstanding: outstanding } : state;
