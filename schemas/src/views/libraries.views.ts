import type {
  BookBorrowedData,
  BookRenewedData,
  HoldPlacedData,
  LoanRuleSetData,
  PatronRegisteredData,
} from '../contracts/libraries.contracts';

// What Libraries' REST API answers (see hrms.views.ts for why these live with the contracts).

/** What a title is, as catalogued, and how often it was lent. */
export interface TitleFacts {
  titleId: string;
  schoolId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  itemType: string;
  timesBorrowed: number;
}

/** A title in a search: how many copies it has, and how many are on the shelf. */
export interface TitleView extends TitleFacts {
  copies: number;
  available: number;
}

/** A copy's place in circulation (or out of it). */
export type CopyStatus = 'available' | 'on-loan' | 'on-hold-shelf' | 'lost' | 'damaged' | 'withdrawn';

/** One physical copy of a title, by barcode. */
export interface CopyView {
  copyId: string;
  barcode: string;
  shelf: string;
  status: CopyStatus;
}

/** One title with each of its copies, by barcode. */
export interface TitleDetail extends TitleFacts {
  copies: CopyView[];
}

/**
 * One cell of a school's loan-rule matrix, as it was set: null category or item
 * type means "any"; money in minor units of `currency`.
 */
export type LoanRuleView = Omit<LoanRuleSetData, 'schoolId' | 'setAt'>;

export type LoanStatus = 'active' | 'returned' | 'lost';

/** A loan from checkout to return or loss, with its fine; days are YYYY-MM-DD in the school's calendar. */
export interface LoanView extends Pick<
  BookBorrowedData,
  'loanId' | 'schoolId' | 'patronId' | 'copyId' | 'titleId' | 'title' | 'barcode' | 'borrowedAt' | 'currency'
> {
  /** As renewed last, if it was. */
  dueDate: string;
  renewals: number;
  status: LoanStatus;
  returnedOn: string | null;
  daysLate: number | null;
  /** The last day an overdue notice went out for it; null while it never was overdue. */
  lastOverdueOn: string | null;
  /** The fine accrued so far while overdue (minor units), before it is assessed on return. */
  accruedFineMinor: number;
  fineMinor: number | null;
  fineOutstandingMinor: number | null;
}

/** An open hold (waiting, or ready on the hold shelf) and, while it waits, its place in its title's queue. */
export interface HoldView extends Pick<HoldPlacedData, 'holdId' | 'titleId' | 'patronId' | 'placedAt'> {
  status: 'waiting' | 'ready';
  /** The copy set aside on the hold shelf, once ready. */
  copyId: string | null;
  pickupBy: string | null;
  position: number | null;
}

export type PatronStanding = 'active' | 'blocked' | 'withdrawn';

/** A library patron of a school: who they are, their category (which loan rules apply) and standing. */
export interface PatronView extends Pick<
  PatronRegisteredData,
  'patronId' | 'schoolId' | 'userId' | 'name' | 'category'
> {
  standing: PatronStanding;
}

/** What a patron owes: each fined loan, and what is outstanding per currency (minor units). */
export interface PatronFinesView {
  patronId: string;
  outstanding: Record<string, number>;
  fines: LoanView[];
}

/** A school's loans past due on `asOf` (its calendar's today), most overdue first. */
export interface OverdueLoansView {
  schoolId: string;
  asOf: string;
  loans: LoanView[];
}

/** What a checkout answers: the new loan and its due day. */
export type CheckoutView = Pick<BookBorrowedData, 'loanId' | 'dueDate'>;

/** What a renewal answers: the new due day and how many renewals are left. */
export type RenewalView = Pick<BookRenewedData, 'dueDate' | 'renewalsLeft'>;

/** What closing a loan (a return, a loss) charged: 0 and no currency when nothing. */
export interface LoanChargeView {
  fineMinor: number;
  currency: string | null;
}
