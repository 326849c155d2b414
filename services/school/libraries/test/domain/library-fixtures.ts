import { Money } from '@hexfleet/kernel';
import { libraries } from '@hexfleet/schemas';
import type { LoanRule } from '../../src/domain';

// Shared givens for the Libraries specs: one school, one title, one copy, two patrons.
export const SCHOOL = '0190a1b2-0000-7000-8000-000000000001';
export const TITLE = '0190a1b2-0000-7000-8000-000000000002';
export const COPY = '0190a1b2-0000-7000-8000-000000000003';
export const LOAN = '0190a1b2-0000-7000-8000-000000000004';
export const PATRON = '0190a1b2-0000-7000-8000-000000000005';
export const OTHER_PATRON = '0190a1b2-0000-7000-8000-000000000006';
export const HOLD = '0190a1b2-0000-7000-8000-000000000007';
export const OTHER_HOLD = '0190a1b2-0000-7000-8000-000000000008';
export const LIBRARIAN = '0190a1b2-0000-7000-8000-000000000009';
export const BARCODE = 'LIB-000123';
export const NOW = '2025-03-03T09:00:00.000Z';
export const TODAY = '2025-03-03';

export const at = (now = NOW) => ({ now });
export const inr = (amountMinor: number) => Money.of(amountMinor, 'INR');

/** A default loan rule as HQ pushes it (GroupPolicyPublished's and SchoolPolicySet's loanRules). */
export const pushedTerms = (loanPeriodDays = 21) => ({
  loanPeriodDays,
  maxLoans: 4,
  maxRenewals: 1,
  maxHolds: 2,
  fineRatePerDayMinor: 200,
  currency: 'INR',
  graceDays: 1,
  fineCapMinor: null as number | null,
});

export const rule = (overrides: Partial<LoanRule> = {}): LoanRule => ({
  patronCategory: null,
  itemType: null,
  loanPeriodDays: 14,
  maxLoans: 3,
  maxRenewals: 2,
  maxHolds: 2,
  fineRatePerDay: inr(500),
  graceDays: 2,
  fineCap: inr(10_000),
  hardDueDate: null,
  ...overrides,
});

export const titleCatalogued = (overrides: Partial<libraries.TitleCataloguedData> = {}) =>
  libraries.titleCatalogued({
    titleId: TITLE,
    schoolId: SCHOOL,
    title: 'Matilda',
    authors: ['Roald Dahl'],
    isbn: '9780142410370',
    itemType: 'book',
    cataloguedAt: NOW,
    ...overrides,
  });

export const copyAdded = () =>
  libraries.copyAdded({
    copyId: COPY,
    titleId: TITLE,
    schoolId: SCHOOL,
    barcode: BARCODE,
    shelf: 'F DAH',
    addedAt: NOW,
  });

/** A loan of COPY to PATRON, due 2025-03-17, under the default `rule()` terms. */
export const bookBorrowed = (overrides: Partial<libraries.BookBorrowedData> = {}) =>
  libraries.bookBorrowed({
    loanId: LOAN,
    schoolId: SCHOOL,
    copyId: COPY,
    barcode: BARCODE,
    titleId: TITLE,
    title: 'Matilda',
    patronId: PATRON,
    patronCategory: 'student',
    itemType: 'book',
    borrowedAt: NOW,
    dueDate: '2025-03-17',
    holdId: null,
    loanPeriodDays: 14,
    maxRenewals: 2,
    fineRatePerDayMinor: 500,
    currency: 'INR',
    graceDays: 2,
    fineCapMinor: 10_000,
    hardDueDate: null,
    ...overrides,
  });

export const patronFacts = (overrides: { standing?: 'active' | 'blocked' | 'withdrawn'; category?: string } = {}) => ({
  patronId: PATRON,
  category: 'student',
  standing: 'active' as const,
  ...overrides,
});
