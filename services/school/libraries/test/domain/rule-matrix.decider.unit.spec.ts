import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { ruleMatrixDecider, RuleMatrixCommand } from '../../src/domain';
import { at, NOW, rule, SCHOOL } from './library-fixtures';

const given = deciderSpec(ruleMatrixDecider);
const command = <C extends RuleMatrixCommand>(type: C['type'], data: C['data']) =>
  ({ type, data, metadata: at() }) as C;

const ruleSet = (patronCategory: string | null, itemType: string | null, loanPeriodDays = 14) =>
  libraries.loanRuleSet({
    schoolId: SCHOOL,
    patronCategory,
    itemType,
    loanPeriodDays,
    maxLoans: 3,
    maxRenewals: 2,
    maxHolds: 2,
    fineRatePerDayMinor: 500,
    currency: 'INR',
    graceDays: 2,
    fineCapMinor: 10_000,
    hardDueDate: null,
    setAt: NOW,
  });

describe('loan-rule matrix', () => {
  it('given an empty matrix, when the default is set, then LoanRuleSet for any category and any type', () => {
    given([])
      .when(command('SetLoanRule', { schoolId: SCHOOL, ...rule() }))
      .then([ruleSet(null, null)]);
  });

  it('given an empty matrix, then a specific cell first is refused with default-rule-required', () => {
    given([])
      .when(command('SetLoanRule', { schoolId: SCHOOL, ...rule({ itemType: 'dvd' }) }))
      .thenThrows('default-rule-required');
  });

  it('given a default, when a teacher x dvd cell is set, then LoanRuleSet names both axes', () => {
    given([ruleSet(null, null)])
      .when(
        command('SetLoanRule', {
          schoolId: SCHOOL,
          ...rule({ patronCategory: 'teacher', itemType: 'dvd', loanPeriodDays: 7 }),
        }),
      )
      .then([ruleSet('teacher', 'dvd', 7)]);
  });

  it('given a nonsense rule, then it is refused with invalid-loan-rule', () => {
    given([ruleSet(null, null)])
      .when(command('SetLoanRule', { schoolId: SCHOOL, ...rule({ loanPeriodDays: 0 }) }))
      .thenThrows('invalid-loan-rule', { field: 'loanPeriodDays' });
  });

  it('given a specific cell, when removed, then LoanRuleRemoved; removing it twice is refused', () => {
    const remove = command('RemoveLoanRule', { schoolId: SCHOOL, patronCategory: 'teacher', itemType: null });
    const removed = libraries.loanRuleRemoved({
      schoolId: SCHOOL,
      patronCategory: 'teacher',
      itemType: null,
      removedAt: NOW,
    });
    given([ruleSet(null, null), ruleSet('teacher', null)])
      .when(remove)
      .then([removed]);
    given([ruleSet(null, null), ruleSet('teacher', null), removed])
      .when(remove)
      .thenThrows('loan-rule-not-found');
  });

  it('given any matrix, then the default cell cannot be removed (default-rule-required)', () => {
    given([ruleSet(null, null)])
      .when(command('RemoveLoanRule', { schoolId: SCHOOL, patronCategory: null, itemType: null }))
      .thenThrows('default-rule-required');
  });
});

// ADR 0045: HQ's pushed default is the layer under the school's own matrix.
describe('loan-rule matrix over a default HQ pushed', () => {
  it('given an empty matrix and a pushed default, when a specific cell is set first, then LoanRuleSet', () => {
    given([])
      .when(command('SetLoanRule', { schoolId: SCHOOL, ...rule({ itemType: 'dvd' }), defaultPushed: true }))
      .then([ruleSet(null, 'dvd')]);
  });

  it('given the school’s own default and a pushed one, when it removes its own, then LoanRuleRemoved (the pushed one applies)', () => {
    given([ruleSet(null, null)])
      .when(command('RemoveLoanRule', { schoolId: SCHOOL, patronCategory: null, itemType: null, defaultPushed: true }))
      .then([libraries.loanRuleRemoved({ schoolId: SCHOOL, patronCategory: null, itemType: null, removedAt: NOW })]);
  });
});
