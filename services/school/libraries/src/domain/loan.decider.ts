import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import { daysBetween, toDayNumber } from './dates';
import { computeDueDate } from './due-date';
import { overdueFine } from './fine';
import { assessFine, payFine, waiveFine } from './loan.fines';
import { resolveLoanRule } from './loan-rules';
import type { ActiveLoan, BorrowBook, LoanCommand, LoanEvent, LoanState, RenewLoan } from './loan.types';
import { evolveLoan } from './loan.evolve';

/**
 * One loan: checkout to return or loss, then its fine until settled.
 * Stream `<tenant>/loan/<loanId>`, topic libraries.loan.v1.
 */
function decide(command: LoanCommand, state: LoanState): LoanEvent[] {
  const at = command.metadata.now;
  switch (command.type) {
    case 'BorrowBook':
      return borrow(command, state);
    case 'RenewLoan':
      return renew(command, active(state));
    case 'ReturnBook': {
      const loan = active(state);
      const daysLate = Math.max(0, daysBetween(loan.dueDate, command.data.today));
      const returned = libraries.bookReturned({
        ...ids(loan),
        barcode: loan.barcode,
        dueDate: loan.dueDate,
        returnedOn: command.data.today,
        daysLate,
        returnedAt: at,
      });
      return [returned, ...assessFine(loan, daysLate, Money.zero(loan.terms.fineRatePerDay.currency), 'overdue', at)];
    }
    case 'MarkLoanOverdue': {
      const loan = active(state);
      const { today } = command.data;
      const daysOverdue = daysBetween(loan.dueDate, today);
      if (daysOverdue <= 0) throw new DomainError('loan-not-overdue', { dueDate: loan.dueDate, today });
      if (loan.lastOverdueOn !== null && toDayNumber(today) <= toDayNumber(loan.lastOverdueOn)) return [];
      const accrued = overdueFine(daysOverdue, loan.terms).amount;
      return [
        libraries.loanOverdue({
          ...ids(loan),
          dueDate: loan.dueDate,
          asOf: today,
          daysOverdue,
          accruedFineMinor: accrued.amountMinor,
          currency: accrued.currency,
          detectedAt: at,
        }),
      ];
    }
    case 'DeclareItemLost': {
      const loan = active(state);
      const { replacementFee, today } = command.data;
      if (Money.isNegative(replacementFee)) throw new DomainError('invalid-amount', { replacementFee });
      const daysLate = Math.max(0, daysBetween(loan.dueDate, today));
      const lost = libraries.itemLost({
        ...ids(loan),
        barcode: loan.barcode,
        replacementFeeMinor: replacementFee.amountMinor,
        currency: replacementFee.currency,
        declaredAt: at,
      });
      return [lost, ...assessFine(loan, daysLate, replacementFee, 'lost', at)];
    }
    case 'PayFine':
      return payFine(command, state);
    case 'WaiveFine':
      return waiveFine(command, state);
    default:
      return assertNever(command);
  }
}

function borrow(command: BorrowBook, state: LoanState): LoanEvent[] {
  if (state.status !== 'none') throw new DomainError('loan-already-exists', { loanId: state.loanId });
  const { loanId, schoolId, copy, patron, rules, today, holdId } = command.data;
  if (patron.standing === 'blocked') throw new DomainError('patron-blocked', { patronId: patron.patronId });
  if (patron.standing === 'withdrawn') throw new DomainError('patron-withdrawn', { patronId: patron.patronId });
  const rule = resolveLoanRule(rules, patron.category, copy.itemType);
  if (patron.activeLoans >= rule.maxLoans) {
    throw new DomainError('loan-limit-reached', { activeLoans: patron.activeLoans, maxLoans: rule.maxLoans });
  }
  if (rule.hardDueDate !== null && daysBetween(today, rule.hardDueDate) < 0) {
    throw new DomainError('hard-due-date-passed', { hardDueDate: rule.hardDueDate });
  }
  return [
    libraries.bookBorrowed({
      loanId,
      schoolId,
      ...copy,
      patronId: patron.patronId,
      patronCategory: patron.category,
      borrowedAt: command.metadata.now,
      dueDate: computeDueDate(today, rule.loanPeriodDays, rule.hardDueDate),
      holdId,
      loanPeriodDays: rule.loanPeriodDays,
      maxRenewals: rule.maxRenewals,
      fineRatePerDayMinor: rule.fineRatePerDay.amountMinor,
      currency: rule.fineRatePerDay.currency,
      graceDays: rule.graceDays,
      fineCapMinor: rule.fineCap?.amountMinor ?? null,
      hardDueDate: rule.hardDueDate,
    }),
  ];
}

function renew(command: RenewLoan, loan: ActiveLoan): LoanEvent[] {
  const { today, waitingHoldPatronIds } = command.data;
  if (daysBetween(loan.dueDate, today) > 0) throw new DomainError('loan-overdue', { dueDate: loan.dueDate });
  const { maxRenewals } = loan.terms;
  if (loan.renewals >= maxRenewals) throw new DomainError('no-renewals-left', { renewals: loan.renewals, maxRenewals });
  if (waitingHoldPatronIds.some((id) => id !== loan.patronId)) throw new DomainError('title-on-hold');
  const dueDate = computeDueDate(today, loan.terms.loanPeriodDays, loan.terms.hardDueDate);
  if (daysBetween(loan.dueDate, dueDate) <= 0) {
    throw new DomainError('hard-due-date-reached', { hardDueDate: loan.terms.hardDueDate });
  }
  return [
    libraries.bookRenewed({
      ...ids(loan),
      previousDueDate: loan.dueDate,
      dueDate,
      renewals: loan.renewals + 1,
      renewalsLeft: maxRenewals - loan.renewals - 1,
      renewedAt: command.metadata.now,
    }),
  ];
}

function active(state: LoanState): ActiveLoan {
  if (state.status !== 'active') throw new DomainError('loan-not-active', { status: state.status });
  return state;
}

const ids = ({ loanId, schoolId, copyId, titleId, patronId }: ActiveLoan) => ({
  loanId,
  schoolId,
  copyId,
  titleId,
  patronId,
});

export const loanDecider: Decider<LoanCommand, LoanEvent, LoanState> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveLoan,
};
