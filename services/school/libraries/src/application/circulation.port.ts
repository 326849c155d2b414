import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the API answers: typed once, in the contracts the gateway implements too. */
export type LoanView = views.libraries.LoanView;
export type HoldView = views.libraries.HoldView;
export type PatronView = views.libraries.PatronView;

/** A page of a list: `limit` rows (all when absent) from `offset`. */
export interface Slice {
  limit?: number;
  offset?: number;
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
  /** Newest first, optionally of one status, optionally a page of them. */
  patronLoans(tenant: TenantId, patronId: string, status?: string, slice?: Slice): Promise<LoanView[]>;
  /** The patron's loans that were fined, newest first. */
  finedLoans(tenant: TenantId, patronId: string): Promise<LoanView[]>;
  /** Ready ones first, then waiting ones in queue order. */
  openHolds(tenant: TenantId, of: HoldsOf): Promise<HoldView[]>;
  /** The school's active loans due before `today`, most overdue first. */
  overdueLoans(tenant: TenantId, schoolId: string, today: string): Promise<LoanView[]>;
  /** Exactly these patrons (those of them the tenant has); only those linked to `userId` when it is given. */
  patrons(tenant: TenantId, ids: readonly string[], userId?: string): Promise<PatronView[]>;
  activeLoans(tenant: TenantId, patronId: string): Promise<number>;
  activeHolds(tenant: TenantId, patronId: string): Promise<number>;
  /** Active loans past due not yet reported overdue on `today`: what the overdue job marks. */
  loansToReportOverdue(tenant: TenantId, today: string): Promise<string[]>;
  /** Ready holds whose pickup day is before `today`: what the hold-expiry job expires. */
  holdsPastPickup(tenant: TenantId, today: string): Promise<Array<{ holdId: string; titleId: string }>>;
}

export const CIRCULATION = Symbol('Circulation');
