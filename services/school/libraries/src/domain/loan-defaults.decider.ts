import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkLoanRule } from './loan-rules';
import type { LoanTerms } from './loan-rules';

/**
 * The loan-rule defaults HQ pushed to the tenant's schools (ADR 0045): the group policy's
 * latest and each school's own, as HQ's events said. Stream `<tenant>/loan-defaults/group`,
 * topic libraries.loan-defaults.v1 (internal). One stream per tenant, not one per school: a
 * group publication reaches every school, those opened later too, without fanning out.
 * The effective default of a school follows ADR 0038: its own when HQ set one, else the group's.
 */
export type PushedTerms = libraries.PushedLoanTerms;

export type NoteGroupLoanDefaults = Command<'NoteGroupLoanDefaults', { policyVersion: number; terms: PushedTerms }>;
export type NoteSchoolLoanDefaults = Command<'NoteSchoolLoanDefaults', { schoolId: string; terms: PushedTerms | null }>;
export type LoanDefaultsCommand = NoteGroupLoanDefaults | NoteSchoolLoanDefaults;
export type LoanDefaultsEvent = libraries.LibrariesLoanDefaultsV1Event;

export interface LoanDefaultsState {
  group: { policyVersion: number; terms: PushedTerms } | null;
  /** Only the schools whose own default HQ set (a school following the group is absent). */
  schools: Readonly<Record<string, PushedTerms>>;
}

/** The pushed terms as a cell's terms; refuses terms no library could apply (`invalid-loan-rule`). */
export function pushedLoanTerms(terms: PushedTerms): LoanTerms {
  const rule: LoanTerms = {
    loanPeriodDays: terms.loanPeriodDays,
    maxLoans: terms.maxLoans,
    maxRenewals: terms.maxRenewals,
    maxHolds: terms.maxHolds,
    fineRatePerDay: Money.of(terms.fineRatePerDayMinor, terms.currency),
    graceDays: terms.graceDays,
    fineCap: terms.fineCapMinor === null ? null : Money.of(terms.fineCapMinor, terms.currency),
    hardDueDate: null,
  };
  checkLoanRule({ ...rule, patronCategory: null, itemType: null });
  return rule;
}

/** The default HQ pushed to a school: its own when set, else the group's; null before any. */
export function pushedDefaultOf(state: LoanDefaultsState, schoolId: string): LoanTerms | null {
  const terms = state.schools[schoolId] ?? state.group?.terms ?? null;
  return terms === null ? null : pushedLoanTerms(terms);
}

const TERM_FIELDS: ReadonlyArray<keyof PushedTerms> = [
  'loanPeriodDays',
  'maxLoans',
  'maxRenewals',
  'maxHolds',
  'fineRatePerDayMinor',
  'currency',
  'graceDays',
  'fineCapMinor',
];
const sameTerms = (a: PushedTerms | null, b: PushedTerms | null) =>
  a === null || b === null ? a === b : TERM_FIELDS.every((field) => a[field] === b[field]);
/** The contract's fields only (a command's object may carry more), typed by the contract. */
const copyTerms = ({
  loanPeriodDays,
  maxLoans,
  maxRenewals,
  maxHolds,
  fineRatePerDayMinor,
  currency,
  graceDays,
  fineCapMinor,
}: PushedTerms): PushedTerms => ({
  loanPeriodDays,
  maxLoans,
  maxRenewals,
  maxHolds,
  fineRatePerDayMinor,
  currency,
  graceDays,
  fineCapMinor,
});

function decide(command: LoanDefaultsCommand, state: LoanDefaultsState): LoanDefaultsEvent[] {
  const receivedAt = command.metadata.now;
  switch (command.type) {
    case 'NoteGroupLoanDefaults': {
      const { policyVersion, terms } = command.data;
      // A version already noted (or an older one) changes nothing: redelivery, replays.
      if (state.group && policyVersion <= state.group.policyVersion) return [];
      pushedLoanTerms(terms);
      return [libraries.groupLoanDefaultsReceived({ policyVersion, terms: copyTerms(terms), receivedAt })];
    }
    case 'NoteSchoolLoanDefaults': {
      const { schoolId, terms } = command.data;
      if (!schoolId.trim()) throw new DomainError('school-required');
      // A school policy that changed other areas (attendance) leaves its loan default as it was.
      if (sameTerms(state.schools[schoolId] ?? null, terms)) return [];
      if (terms) pushedLoanTerms(terms);
      return [libraries.schoolLoanDefaultsReceived({ schoolId, terms: terms && copyTerms(terms), receivedAt })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: LoanDefaultsState, event: LoanDefaultsEvent): LoanDefaultsState {
  switch (event.type) {
    case 'GroupLoanDefaultsReceived':
      return { ...state, group: { policyVersion: event.data.policyVersion, terms: event.data.terms } };
    case 'SchoolLoanDefaultsReceived': {
      const { [event.data.schoolId]: _previous, ...others } = state.schools;
      const { terms } = event.data;
      return { ...state, schools: terms ? { ...others, [event.data.schoolId]: terms } : others };
    }
    default:
      return assertNever(event);
  }
}

export const loanDefaultsDecider: Decider<LoanDefaultsCommand, LoanDefaultsEvent, LoanDefaultsState> = {
  initialState: { group: null, schools: {} },
  decide,
  evolve,
};
