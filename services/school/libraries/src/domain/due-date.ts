import { addDays, toDayNumber } from './dates';

/**
 * The day a loan is due when it starts (or is renewed) on `startDay`:
 * start + loan period, but never after the hard due date (end of term, say).
 * Renewal counts from the renewal day, as Koha does by default.
 */
export function computeDueDate(startDay: string, loanPeriodDays: number, hardDueDate: string | null): string {
  const due = addDays(startDay, loanPeriodDays);
  if (hardDueDate !== null && toDayNumber(hardDueDate) < toDayNumber(due)) return hardDueDate;
  return due;
}
