import type { TenantId } from '@hexfleet/kernel';

export interface LoanView {
  loanId: string;
  schoolId: string;
  patronId: string;
  copyId: string;
  titleId: string;
  title: string;
  barcode: string;
  borrowedAt: string;
  dueDate: string;
  renewals: number;
  status: string;
  returnedOn: string | null;
  daysLate: number | null;
  fineMinor: number | null;
  fineOutstandingMinor: number | null;
  currency: string;
}

/** An open hold (waiting, or ready on the hold shelf) and, while it waits, its place in its title's queue. */
export interface HoldView {
  holdId: string;
  titleId: string;
  patronId: string;
  status: string;
  copyId: string | null;
  pickupBy: string | null;
  placedAt: string;
  position: number | null;
}

/** Whose open holds: one patron's, or one title's queue. */
export type HoldsOf = { patronId: string } | { titleId: string };

/**
 * The circulation read model (`library-circulation`): loans, holds and patrons.
 * Its counts lag the event store by the projection's delay: a patron racing
 * their own loan limit may get one loan more, which the next checkout refuses
 * (Koha and Evergreen count the same way).
 */
export interface Circulation {
  /** Undefined for a loan the tenant does not have. */
  loan(tenant: TenantId, loanId: string): Promise<LoanView | undefined>;
  /** Newest first, optionally of one status. */
  patronLoans(tenant: TenantId, patronId: string, status?: string): Promise<LoanView[]>;
  /** The patron's loans that were fined, newest first. */
  finedLoans(tenant: TenantId, patronId: string): Promise<LoanView[]>;
  /** Ready ones first, then waiting ones in queue order. */
  openHolds(tenant: TenantId, of: HoldsOf): Promise<HoldView[]>;
  /** The school's active loans due before `today`, most overdue first. */
  overdueLoans(tenant: TenantId, schoolId: string, today: string): Promise<LoanView[]>;
  activeLoans(tenant: TenantId, patronId: string): Promise<number>;
  activeHolds(tenant: TenantId, patronId: string): Promise<number>;
  /** Active loans past due not yet reported overdue on `today`: what the overdue job marks. */
  loansToReportOverdue(tenant: TenantId, today: string): Promise<string[]>;
  /** Ready holds whose pickup day is before `today`: what the hold-expiry job expires. */
  holdsPastPickup(tenant: TenantId, today: string): Promise<Array<{ holdId: string; titleId: string }>>;
}

export const CIRCULATION = Symbol('Circulation');
