import type { libraries } from '@hexfleet/schemas';
import type { Command, PatronFacts } from './command';
import type { LoanRule } from './loan-rules';

export type CatalogueTitle = Command<
  'CatalogueTitle',
  { titleId: string; schoolId: string; title: string; authors: string[]; isbn: string | null; itemType: string }
>;
/**
 * Join the title's holds queue. The caller loads the patron stream (category,
 * standing), the patron's open holds on all titles from the hold read model
 * (`activeHolds`), and the school's rule matrix (`rules`).
 */
export type PlaceHold = Command<
  'PlaceHold',
  { holdId: string; patron: PatronFacts & { activeHolds: number }; rules: readonly LoanRule[] }
>;
/**
 * A copy of the title came back: set it aside for the first waiting hold.
 * `today` is the school's day; `pickupDays` comes from the school's library settings.
 * Goes with the copy's CheckInCopy (or ReleaseCopyFromHoldShelf) in one transaction.
 */
export type ReadyHoldForPickup = Command<
  'ReadyHoldForPickup',
  { copyId: string; barcode: string; today: string; pickupDays: number }
>;
/** Issued by the daily job for ready holds whose pickup day has passed. */
export type ExpireHold = Command<'ExpireHold', { holdId: string; today: string }>;
export type CancelHold = Command<'CancelHold', { holdId: string; reason: string }>;
/** Goes with the BorrowBook of the held copy, in one transaction. */
export type FulfilHold = Command<'FulfilHold', { holdId: string; loanId: string; copyId: string }>;
export type TitleCommand = CatalogueTitle | PlaceHold | ReadyHoldForPickup | ExpireHold | CancelHold | FulfilHold;
export type TitleEvent = libraries.LibrariesTitleV1Event;

/** A hold still in the queue; fulfilled, expired and cancelled holds leave it. */
export type Hold =
  | { holdId: string; patronId: string; status: 'waiting' }
  | { holdId: string; patronId: string; status: 'ready'; copyId: string; pickupBy: string };

export type TitleState =
  | { status: 'none' }
  | { status: 'catalogued'; titleId: string; schoolId: string; itemType: string; holds: readonly Hold[] };
