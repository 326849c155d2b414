import { DomainError } from './domain-error';

/**
 * Money as integer minor units (cents, paise) and an ISO 4217 currency: never
 * floats. Arithmetic refuses mixed currencies and unsafe integers.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

function checked(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new DomainError('invalid-amount', { amountMinor });
  if (!CURRENCY.test(currency)) throw new DomainError('invalid-currency', { currency });
  return Object.freeze({ amountMinor, currency });
}

function sameCurrency(a: Money, b: Money) {
  if (a.currency !== b.currency) throw new DomainError('currency-mismatch', { left: a.currency, right: b.currency });
}

export const Money = {
  of: checked,
  zero: (currency: string) => checked(0, currency),
  add(a: Money, b: Money): Money {
    sameCurrency(a, b);
    return checked(a.amountMinor + b.amountMinor, a.currency);
  },
  subtract(a: Money, b: Money): Money {
    sameCurrency(a, b);
    return checked(a.amountMinor - b.amountMinor, a.currency);
  },
  /**
   * `money x numerator / denominator`, rounded half to even (banker's rounding),
   * e.g. proration by payment days: `Money.prorate(salary, 17, 30)`.
   */
  prorate(money: Money, numerator: number, denominator: number): Money {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
      throw new DomainError('invalid-ratio', { numerator, denominator });
    }
    const product = BigInt(money.amountMinor) * BigInt(numerator);
    const d = BigInt(denominator);
    let quotient = product / d;
    const remainder = product % d;
    const twice = (remainder < 0n ? -remainder : remainder) * 2n;
    const away = product < 0n ? -1n : 1n;
    if (twice > d || (twice === d && quotient % 2n !== 0n)) quotient += away;
    return checked(Number(quotient), money.currency);
  },
  isNegative: (money: Money) => money.amountMinor < 0,
  equals: (a: Money, b: Money) => a.currency === b.currency && a.amountMinor === b.amountMinor,
  sum(items: readonly Money[], currency: string): Money {
    return items.reduce(Money.add, Money.zero(currency));
  },
};
