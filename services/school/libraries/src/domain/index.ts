// The Libraries domain: pure deciders and the helpers their rules need.
export type { Command, PatronFacts } from './command';
export { addDays, daysBetween } from './dates';
export { computeDueDate } from './due-date';
export { overdueFine } from './fine';
export type { FineTerms, OverdueFine } from './fine';
export { normalizeIsbn } from './isbn';
export { checkLoanRule, effectiveLoanRules, isDefaultRule, resolveLoanRule } from './loan-rules';
export type { LoanRule, LoanTerms } from './loan-rules';
export * from './rule-matrix.decider';
export * from './patron.decider';
export * from './copy.types';
export { copyDecider } from './copy.decider';
export * from './title.types';
export { nextWaitingHold, titleDecider, waitingHolds } from './title.decider';
export * from './loan.types';
export { loanDecider } from './loan.decider';
export * from './loan-defaults.decider';
export * from './user-patrons.decider';
