import { Money } from '@hexfleet/kernel';

export interface FineTerms {
  fineRatePerDay: Money;
  graceDays: number;
  fineCap: Money | null;
}

export interface OverdueFine {
  /** Late days past the grace days; 0 when within grace. */
  chargeableDays: number;
  amount: Money;
}

/**
 * fine = (days late - grace days) x daily rate, capped. Grace days are
 * forgiven even when the copy is later than that (10 days late, 2 grace days:
 * 8 days are charged), so a late return never costs more than one just
 * inside the grace period plus the days beyond it.
 */
export function overdueFine(daysLate: number, terms: FineTerms): OverdueFine {
  const chargeableDays = Math.max(0, daysLate - terms.graceDays);
  const uncapped = Money.of(terms.fineRatePerDay.amountMinor * chargeableDays, terms.fineRatePerDay.currency);
  const { fineCap } = terms;
  // subtract refuses a cap in another currency instead of comparing mixed units.
  if (fineCap !== null && Money.isNegative(Money.subtract(fineCap, uncapped)))
    return { chargeableDays, amount: fineCap };
  return { chargeableDays, amount: uncapped };
}
