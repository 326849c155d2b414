import type { Money } from '@hexfleet/kernel';
import type { libraries } from '@hexfleet/schemas';
import type { Command, PatronFacts } from './command';
import type { LoanRule, LoanTerms } from './loan-rules';

/**
 * Check out a copy. The same transaction appends the copy's LendCopy outcome
 * (CopyLent) with the copy stream's expected version: that version, not this
 * new loan stream, guards availability (see copy.decider.ts).
 * The caller loads: the copy and its title (barcode, title, itemType); the
 * patron stream (category, standing); the patron's open loans from the loan
 * read model (`activeLoans`); the school's rule matrix (`rules`, the
 * rule-matrix state); `today`, the school's calendar day at `metadata.now`;
 * `holdId` when the copy waits on the hold shelf for this patron.
 */
export type BorrowBook = Command<
  'BorrowBook',
  {
    loanId: string;
    schoolId: string;
    copy: { copyId: string; barcode: string; titleId: string; title: string; itemType: string };
    patron: PatronFacts & { activeLoans: number };
    rules: readonly LoanRule[];
    today: string;
    holdId: string | null;
  }
>;
/**
 * The caller loads the patrons of the title's waiting holds (title decider's
 * `waitingHolds`), so a renewal never keeps a copy from someone in the queue.
 */
export type RenewLoan = Command<'RenewLoan', { today: string; waitingHoldPatronIds: readonly string[] }>;
export type ReturnBook = Command<'ReturnBook', { today: string }>;
/**
 * Issued daily by the overdue job. Idempotent per loan and day: a second
 * command for a day already reported (or an earlier one) returns [].
 */
export type MarkLoanOverdue = Command<'MarkLoanOverdue', { today: string }>;
export type DeclareItemLost = Command<'DeclareItemLost', { today: string; replacementFee: Money }>;
export type PayFine = Command<'PayFine', { paymentId: string; amount: Money }>;
export type WaiveFine = Command<'WaiveFine', { reason: string; waivedBy: string }>;
export type LoanCommand = BorrowBook | RenewLoan | ReturnBook | MarkLoanOverdue | DeclareItemLost | PayFine | WaiveFine;
export type LoanEvent = libraries.LibrariesLoanV1Event;

/** The terms the loan was made under, copied from the rule at checkout. */
export type LoanTermsAtCheckout = Pick<
  LoanTerms,
  'loanPeriodDays' | 'maxRenewals' | 'fineRatePerDay' | 'graceDays' | 'fineCap' | 'hardDueDate'
>;

type LoanIds = { loanId: string; schoolId: string; copyId: string; barcode: string; titleId: string; patronId: string };
export type ActiveLoan = LoanIds & {
  status: 'active';
  dueDate: string;
  renewals: number;
  terms: LoanTermsAtCheckout;
  /** The last day a LoanOverdue was emitted for, so the daily job is idempotent. */
  lastOverdueOn: string | null;
};
export type ClosedLoan = LoanIds & {
  status: 'returned' | 'lost';
  /** What the patron still owes on this loan's fine; null when none was assessed. */
  fineOutstanding: Money | null;
};
export type LoanState = { status: 'none' } | ActiveLoan | ClosedLoan;
