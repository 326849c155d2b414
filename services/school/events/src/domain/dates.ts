import { DomainError } from '@hexfleet/kernel';

// Calendar dates (YYYY-MM-DD) and wall-clock times (HH:mm) of a school. They
// are not instants: an 09:00 assembly stays at 09:00 across daylight-saving
// changes, so recurrence is computed on dates, never by adding milliseconds.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01; throws `invalid-date` for anything but a real YYYY-MM-DD day. */
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
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/** The same day of month `months` later, or null when that month has no such day (31 April). */
export function addMonthsKeepingDay(date: string, months: number): string | null {
  const [year, month, day] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const candidate = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const ms = Date.UTC(Math.floor(total / 12), total % 12, day);
  return new Date(ms).toISOString().slice(0, 10) === candidate ? candidate : null;
}

export function checkTime(time: string, field: string): void {
  if (!TIME.test(time)) throw new DomainError('invalid-time', { field, value: time });
}
