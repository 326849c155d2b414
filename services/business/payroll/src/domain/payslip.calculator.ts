import { assertNever, DomainError, Money } from '@hexfleet/kernel';
import type { payroll } from '@hexfleet/schemas';

export interface PayslipInput {
  currency: string;
  /** The structure's lines, in order: a percent line refers only to lines above it. */
  lines: readonly payroll.SalaryLine[];
  /** The assignment's monthly base, minor units. */
  baseMinor: number;
  /** A multiple of 0.5. */
  paymentDays: number;
  periodDays: number;
}

export interface PayslipAmounts {
  lines: payroll.PayslipLine[];
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
}

const BASIS = 10_000; // basis points in 100%

/**
 * A payslip's amounts, in integer minor units. A prorated line is scaled by
 * paymentDays / periodDays, counted in half days so the ratio stays integer,
 * with a single half-even rounding (Money.prorate) per line: percent of base
 * multiplies both ratios before rounding. A percent of a component applies to
 * that component's rounded amount, as printed on the payslip, so it follows
 * the base's proration and rounds once more.
 */
export function calculatePayslip(input: PayslipInput): PayslipAmounts {
  const { currency, baseMinor, periodDays } = input;
  const paid = Math.round(input.paymentDays * 2);
  if (paid < 0 || paid > periodDays * 2 || paid !== input.paymentDays * 2)
    throw new DomainError('invalid-payment-days', { paymentDays: input.paymentDays, periodDays });
  const base = Money.of(baseMinor, currency);
  const scaled = (money: Money, numerator: number, denominator: number, prorated: boolean) =>
    prorated
      ? Money.prorate(money, numerator * paid, denominator * periodDays * 2)
      : Money.prorate(money, numerator, denominator);
  const byCode = new Map<string, Money>();
  const lines = input.lines.map((line): payroll.PayslipLine => {
    let amount: Money;
    switch (line.method) {
      case 'fixed':
        amount = scaled(Money.of(line.amountMinor ?? 0, currency), 1, 1, line.prorated);
        break;
      case 'percent_of_base':
        amount = scaled(base, line.basisPoints ?? 0, BASIS, line.prorated);
        break;
      case 'percent_of_component': {
        const of = byCode.get(line.ofComponent ?? '');
        if (!of) throw new DomainError('unknown-formula-base', { code: line.code, ofComponent: line.ofComponent });
        amount = Money.prorate(of, line.basisPoints ?? 0, BASIS);
        break;
      }
      default:
        return assertNever(line.method);
    }
    byCode.set(line.code, amount);
    return {
      componentId: line.componentId,
      code: line.code,
      name: line.name,
      kind: line.kind,
      amountMinor: amount.amountMinor,
    };
  });
  const total = (kind: payroll.ComponentKind) =>
    Money.sum(
      lines.filter((line) => line.kind === kind).map((line) => Money.of(line.amountMinor, currency)),
      currency,
    );
  const gross = total('earning');
  const deductions = total('deduction');
  const net = Money.subtract(gross, deductions);
  if (Money.isNegative(net))
    throw new DomainError('negative-net-pay', {
      grossMinor: gross.amountMinor,
      deductionsMinor: deductions.amountMinor,
    });
  return { lines, grossMinor: gross.amountMinor, deductionsMinor: deductions.amountMinor, netMinor: net.amountMinor };
}
