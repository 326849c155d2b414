import { DomainError, Money } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import { overdueFine } from './fine';
import type { ActiveLoan, LoanEvent, LoanState, PayFine, WaiveFine } from './loan.types';

// A loan's fine: assessed once when the loan ends, then paid (in parts) or waived.

/** The fine is assessed once, when the loan ends; the overdue job only reports what is accruing. */
export function assessFine(
  loan: ActiveLoan,
  daysLate: number,
  replacementFee: Money,
  reason: 'overdue' | 'lost',
  at: string,
): LoanEvent[] {
  const { chargeableDays, amount: overdue } = overdueFine(daysLate, loan.terms);
  const total = Money.add(overdue, replacementFee);
  if (total.amountMinor === 0) return [];
  return [
    libraries.fineAssessed({
      loanId: loan.loanId,
      schoolId: loan.schoolId,
      patronId: loan.patronId,
      reason,
      daysLate,
      chargeableDays,
      overdueFineMinor: overdue.amountMinor,
      replacementFeeMinor: replacementFee.amountMinor,
      amountMinor: total.amountMinor,
      currency: total.currency,
      assessedAt: at,
    }),
  ];
}

export function payFine(command: PayFine, state: LoanState): LoanEvent[] {
  const at = command.metadata.now;
  const { loanId, schoolId, patronId, owed } = withFineOutstanding(state);
  const { amount, paymentId } = command.data;
  if (amount.amountMinor <= 0) throw new DomainError('invalid-amount', { amountMinor: amount.amountMinor });
  const outstanding = Money.subtract(owed, amount);
  if (Money.isNegative(outstanding)) throw new DomainError('payment-exceeds-fine', { owedMinor: owed.amountMinor });
  return [
    libraries.finePaid({
      loanId,
      schoolId,
      patronId,
      paymentId,
      amountMinor: amount.amountMinor,
      outstandingMinor: outstanding.amountMinor,
      currency: owed.currency,
      paidAt: at,
    }),
  ];
}

export function waiveFine(command: WaiveFine, state: LoanState): LoanEvent[] {
  const at = command.metadata.now;
  const { loanId, schoolId, patronId, owed } = withFineOutstanding(state);
  const { reason, waivedBy } = command.data;
  if (!reason.trim()) throw new DomainError('reason-required');
  return [
    libraries.fineWaived({
      loanId,
      schoolId,
      patronId,
      amountMinor: owed.amountMinor,
      currency: owed.currency,
      reason,
      waivedBy,
      waivedAt: at,
    }),
  ];
}

function withFineOutstanding(state: LoanState) {
  const owed = state.status === 'returned' || state.status === 'lost' ? state.fineOutstanding : null;
  if (state.status === 'none' || owed === null || owed.amountMinor === 0) throw new DomainError('no-fine-outstanding');
  return { loanId: state.loanId, schoolId: state.schoolId, patronId: state.patronId, owed };
}
