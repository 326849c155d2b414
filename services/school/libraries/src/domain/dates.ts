import { DomainError } from '@hexfleet/kernel';

// Library dates are school-calendar days (YYYY-MM-DD), not instants: a book is
// due on a day, and lateness is counted in whole days. The application turns
// `now` into the school's day with the school's time zone.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws `invalid-date` for anything else (2024-02-30 included). */
export function toDayNumber(date: string, field = 'date'): number {
  const match = DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new DomainError('invalid-date', { field, value: date });
  }
  return ms / DAY_MS;
}

export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/** Whole days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
