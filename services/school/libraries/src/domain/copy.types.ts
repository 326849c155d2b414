import type { libraries } from '@hexfleet/schemas';
import type { Command } from './command';

export type HoldForPickup = { holdId: string; patronId: string };

export type AddCopy = Command<
  'AddCopy',
  { copyId: string; titleId: string; schoolId: string; barcode: string; shelf: string }
>;
export type LendCopy = Command<'LendCopy', { loanId: string; patronId: string }>;
/** `nextHold`: the first waiting hold of the title (title decider's `nextWaitingHold`), or null. */
export type CheckInCopy = Command<'CheckInCopy', { loanId: string; nextHold: HoldForPickup | null }>;
/** After the copy's hold expired or was cancelled; `nextHold` as for CheckInCopy. */
export type ReleaseCopyFromHoldShelf = Command<
  'ReleaseCopyFromHoldShelf',
  { holdId: string; nextHold: HoldForPickup | null }
>;
/** `loanId` when the copy was lost on a loan (the loan's DeclareItemLost goes with it), else null. */
export type MarkCopyLost = Command<'MarkCopyLost', { loanId: string | null }>;
export type MarkCopyDamaged = Command<'MarkCopyDamaged', { note: string }>;
export type RepairCopy = Command<'RepairCopy', Record<string, never>>;
export type WithdrawCopy = Command<'WithdrawCopy', { reason: string }>;
export type CopyCommand =
  | AddCopy
  | LendCopy
  | CheckInCopy
  | ReleaseCopyFromHoldShelf
  | MarkCopyLost
  | MarkCopyDamaged
  | RepairCopy
  | WithdrawCopy;
export type CopyEvent = libraries.LibrariesCopyV1Event;

export type Known = { copyId: string; titleId: string; schoolId: string; barcode: string };
export type CopyState =
  | { status: 'none' }
  | ({ status: 'available' | 'damaged' | 'lost' | 'withdrawn' } & Known)
  | ({ status: 'on-loan'; loanId: string; patronId: string } & Known)
  | ({ status: 'on-hold-shelf'; holdId: string; patronId: string } & Known);
export type CopyStatus = Exclude<CopyState, { status: 'none' }>['status'];
