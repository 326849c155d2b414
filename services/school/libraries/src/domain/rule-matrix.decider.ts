import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkLoanRule, isDefaultRule, LoanRule, sameCell } from './loan-rules';

/**
 * The loan-rule matrix of one school. Stream `<tenant>/rules/<schoolId>`,
 * topic libraries.rules.v1. One stream per school, so two librarians editing
 * the matrix at once conflict instead of overwriting each other's cells.
 */
type Cell = { patronCategory: string | null; itemType: string | null };
/**
 * `defaultPushed`: HQ pushed a default loan rule to this school (ADR 0045), the layer under the
 * matrix, so every category x type resolves without a default cell of the school's own.
 */
type Layer = { defaultPushed?: boolean };

export type SetLoanRule = Command<'SetLoanRule', { schoolId: string } & LoanRule & Layer>;
export type RemoveLoanRule = Command<'RemoveLoanRule', { schoolId: string } & Cell & Layer>;
export type RuleMatrixCommand = SetLoanRule | RemoveLoanRule;
export type RuleMatrixEvent = libraries.LibrariesRulesV1Event;

export type RuleMatrixState = { status: 'empty' } | { status: 'defined'; schoolId: string; rules: readonly LoanRule[] };

function decide(command: RuleMatrixCommand, state: RuleMatrixState): RuleMatrixEvent[] {
  switch (command.type) {
    case 'SetLoanRule': {
      const { schoolId, defaultPushed, ...rule } = command.data;
      checkLoanRule(rule);
      // The first cell must be the default, so every category x type resolves to some rule,
      // unless HQ's pushed default is there to resolve them.
      if (state.status === 'empty' && !isDefaultRule(rule) && !defaultPushed)
        throw new DomainError('default-rule-required');
      return [
        libraries.loanRuleSet({
          schoolId,
          patronCategory: rule.patronCategory,
          itemType: rule.itemType,
          loanPeriodDays: rule.loanPeriodDays,
          maxLoans: rule.maxLoans,
          maxRenewals: rule.maxRenewals,
          maxHolds: rule.maxHolds,
          fineRatePerDayMinor: rule.fineRatePerDay.amountMinor,
          currency: rule.fineRatePerDay.currency,
          graceDays: rule.graceDays,
          fineCapMinor: rule.fineCap?.amountMinor ?? null,
          hardDueDate: rule.hardDueDate,
          setAt: command.metadata.now,
        }),
      ];
    }
    case 'RemoveLoanRule': {
      const { defaultPushed, ...cell } = command.data;
      // The school's own default may go only when HQ's pushed default takes its place.
      if (isDefaultRule(cell) && !defaultPushed) throw new DomainError('default-rule-required');
      if (state.status === 'empty' || !state.rules.some((r) => sameCell(r, cell))) {
        throw new DomainError('loan-rule-not-found', { ...cell });
      }
      return [libraries.loanRuleRemoved({ ...cell, removedAt: command.metadata.now })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: RuleMatrixState, event: RuleMatrixEvent): RuleMatrixState {
  const rules = state.status === 'defined' ? state.rules : [];
  switch (event.type) {
    case 'LoanRuleSet': {
      const e = event.data;
      const rule: LoanRule = {
        patronCategory: e.patronCategory,
        itemType: e.itemType,
        loanPeriodDays: e.loanPeriodDays,
        maxLoans: e.maxLoans,
        maxRenewals: e.maxRenewals,
        maxHolds: e.maxHolds,
        fineRatePerDay: Money.of(e.fineRatePerDayMinor, e.currency),
        graceDays: e.graceDays,
        fineCap: e.fineCapMinor === null ? null : Money.of(e.fineCapMinor, e.currency),
        hardDueDate: e.hardDueDate,
      };
      return { status: 'defined', schoolId: e.schoolId, rules: [...rules.filter((r) => !sameCell(r, rule)), rule] };
    }
    case 'LoanRuleRemoved':
      return { status: 'defined', schoolId: event.data.schoolId, rules: rules.filter((r) => !sameCell(r, event.data)) };
    default:
      return assertNever(event);
  }
}

export const ruleMatrixDecider: Decider<RuleMatrixCommand, RuleMatrixEvent, RuleMatrixState> = {
  initialState: { status: 'empty' },
  decide,
  evolve,
};
