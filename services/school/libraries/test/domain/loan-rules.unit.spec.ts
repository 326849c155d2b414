import { DomainError } from '@hexfleet/kernel';
import { checkLoanRule, effectiveLoanRules, resolveLoanRule } from '../../src/domain';
import { inr, rule } from './library-fixtures';

describe('rule: the most specific rule wins over the default', () => {
  const byDefault = rule({ loanPeriodDays: 14 });
  const anyDvd = rule({ itemType: 'dvd', loanPeriodDays: 3 });
  const teachers = rule({ patronCategory: 'teacher', loanPeriodDays: 28 });
  const teachersDvd = rule({ patronCategory: 'teacher', itemType: 'dvd', loanPeriodDays: 7 });
  const matrix = [byDefault, anyDvd, teachers, teachersDvd];

  it('given a cell for the exact category and item type, then that cell applies', () => {
    expect(resolveLoanRule(matrix, 'teacher', 'dvd')).toBe(teachersDvd);
  });

  it('given no exact cell, then the category with any item type beats any category with the item type', () => {
    expect(resolveLoanRule([byDefault, anyDvd, teachers], 'teacher', 'dvd')).toBe(teachers);
  });

  it('given no cell for the category, then the item type for any category applies', () => {
    expect(resolveLoanRule(matrix, 'student', 'dvd')).toBe(anyDvd);
  });

  it('given nothing more specific, then the default applies', () => {
    expect(resolveLoanRule(matrix, 'student', 'book')).toBe(byDefault);
  });

  it('given no default and no matching cell, then it is refused with no-loan-rule', () => {
    expect(() => resolveLoanRule([anyDvd], 'student', 'book')).toThrow('no-loan-rule');
  });
});

describe('a loan rule must be one a library could apply', () => {
  const invalidField = (overrides: Parameters<typeof rule>[0]) => {
    try {
      checkLoanRule(rule(overrides));
    } catch (error) {
      return (error as DomainError).code === 'invalid-loan-rule' ? (error as DomainError).details.field : 'other';
    }
    return undefined;
  };

  it('accepts a sensible rule', () => {
    expect(invalidField({})).toBeUndefined();
  });

  it.each([
    ['loanPeriodDays', { loanPeriodDays: 0 }],
    ['maxLoans', { maxLoans: -1 }],
    ['maxRenewals', { maxRenewals: 1.5 }],
    ['graceDays', { graceDays: -2 }],
    ['fineRatePerDay', { fineRatePerDay: inr(-1) }],
    ['fineCap', { fineCap: inr(-1) }],
    ['itemType', { itemType: '' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(invalidField(overrides)).toBe(field);
  });

  it('refuses a cap in another currency than the rate', () => {
    expect(() => checkLoanRule(rule({ fineCap: { amountMinor: 100, currency: 'USD' } }))).toThrow('invalid-loan-rule');
  });

  it('refuses a hard due date that is no date', () => {
    expect(() => checkLoanRule(rule({ hardDueDate: '2025-02-30' }))).toThrow('invalid-date');
  });
});

// ADR 0045: HQ's pushed default is the lowest layer; every cell the school set wins over it.
describe('rule: a default HQ pushed lies under the school’s own matrix', () => {
  const { patronCategory: _c, itemType: _t, ...pushed } = rule({ loanPeriodDays: 21 });
  const own = rule({ loanPeriodDays: 10 });
  const anyDvd = rule({ itemType: 'dvd', loanPeriodDays: 3 });

  it('given a school without cells, then the pushed default applies to every category and item type', () => {
    expect(resolveLoanRule(effectiveLoanRules([], pushed), 'student', 'book').loanPeriodDays).toBe(21);
  });

  it('given a school’s specific cell, then it wins where it applies and the pushed default fills the rest', () => {
    const matrix = effectiveLoanRules([anyDvd], pushed);
    expect(resolveLoanRule(matrix, 'student', 'dvd').loanPeriodDays).toBe(3);
    expect(resolveLoanRule(matrix, 'student', 'book').loanPeriodDays).toBe(21);
  });

  it('given the school’s own default, then it wins over the pushed one', () => {
    expect(effectiveLoanRules([own, anyDvd], pushed)).toEqual([own, anyDvd]);
    expect(resolveLoanRule(effectiveLoanRules([own], pushed), 'staff', 'book').loanPeriodDays).toBe(10);
  });

  it('given nothing pushed, then the matrix is the school’s own', () => {
    expect(effectiveLoanRules([anyDvd], null)).toEqual([anyDvd]);
  });
});
