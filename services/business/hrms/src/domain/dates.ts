import { CalendarDate, DomainError } from '@hexfleet/kernel';

/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). They compare correctly as
 * strings, so only stepping through days needs arithmetic, done in UTC so no
 * local time zone or DST shift can skip or repeat a day.
 */
export const isIsoDate = CalendarDate.isValid;

/** Refuses a malformed or impossible date (`2026-02-30`) with the field it came in. */
export const requireDate = (value: unknown, field: string): string => CalendarDate.parse(value, field);

export const addDays = CalendarDate.addDays;

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** `2026-03-14` -> `2026-03`, the payroll period and attendance sheet of the day. */
export const monthOf = (date: string): string => date.slice(0, 7);

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The UTC calendar date of an ISO instant such as `metadata.now`. */
export const dateOf = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError('field-required', { field });
  return value.trim();
}
