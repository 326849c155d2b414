import { DomainError, Money } from '@hexfleet/kernel';
import { toDayNumber } from './dates';

/** The terms one cell of the loan-rule matrix grants. Money is in minor units. */
export interface LoanTerms {
  loanPeriodDays: number;
  maxLoans: number;
  maxRenewals: number;
  maxHolds: number;
  fineRatePerDay: Money;
  graceDays: number;
  /** Highest overdue fine of one loan, in the rate's currency; null when uncapped. */
  fineCap: Money | null;
  /** No due date may fall after this day (YYYY-MM-DD); null when none. */
  hardDueDate: string | null;
}

/** A cell of the matrix; null on an axis means "any". */
export interface LoanRule extends LoanTerms {
  patronCategory: string | null;
  itemType: string | null;
}

export const isDefaultRule = (rule: Pick<LoanRule, 'patronCategory' | 'itemType'>) =>
  rule.patronCategory === null && rule.itemType === null;

export const sameCell = (a: Pick<LoanRule, 'patronCategory' | 'itemType'>, b: typeof a) =>
  a.patronCategory === b.patronCategory && a.itemType === b.itemType;

/**
 * The rule that applies to a patron category and item type: the most specific
 * cell wins, in the order category+type, category+any, any+type, any+any
 * (the default). The category axis outranks the item type, as in Koha's
 * circulation rules, so a teacher's "any item" rule beats a "dvd for anyone" rule.
 */
export function resolveLoanRule(rules: readonly LoanRule[], patronCategory: string, itemType: string): LoanRule {
  const candidates: Array<[string | null, string | null]> = [
    [patronCategory, itemType],
    [patronCategory, null],
    [null, itemType],
    [null, null],
  ];
  for (const [category, type] of candidates) {
    const rule = rules.find((r) => r.patronCategory === category && r.itemType === type);
    if (rule) return rule;
  }
  throw new DomainError('no-loan-rule', { patronCategory, itemType });
}

/**
 * The matrix checkouts and holds are decided by (ADR 0045): the school's own cells over the
 * default HQ pushed. The pushed default is the lowest layer: it fills the any x any cell only
 * while the librarian set none there, so every cell a librarian set, their default too, wins.
 */
export function effectiveLoanRules(own: readonly LoanRule[], pushedDefault: LoanTerms | null): readonly LoanRule[] {
  if (pushedDefault === null || own.some(isDefaultRule)) return own;
  return [...own, { ...pushedDefault, patronCategory: null, itemType: null }];
}

const NON_NEGATIVE: ReadonlyArray<keyof LoanTerms> = ['maxLoans', 'maxRenewals', 'maxHolds', 'graceDays'];

/** Refuses a rule no library could apply: `invalid-loan-rule` names the field. */
export function checkLoanRule(rule: LoanRule): void {
  const invalid = (field: string) => new DomainError('invalid-loan-rule', { field });
  if (!Number.isInteger(rule.loanPeriodDays) || rule.loanPeriodDays < 1) throw invalid('loanPeriodDays');
  for (const field of NON_NEGATIVE) {
    const value = rule[field] as number;
    if (!Number.isInteger(value) || value < 0) throw invalid(field);
  }
  const rate = Money.of(rule.fineRatePerDay.amountMinor, rule.fineRatePerDay.currency);
  if (Money.isNegative(rate)) throw invalid('fineRatePerDay');
  if (rule.fineCap) {
    const cap = Money.of(rule.fineCap.amountMinor, rule.fineCap.currency);
    if (Money.isNegative(cap) || cap.currency !== rate.currency) throw invalid('fineCap');
  }
  if (rule.hardDueDate !== null) toDayNumber(rule.hardDueDate, 'hardDueDate');
  if (rule.patronCategory === '' || rule.itemType === '')
    throw invalid(rule.itemType === '' ? 'itemType' : 'patronCategory');
}
