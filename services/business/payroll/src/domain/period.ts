import { CalendarDate, DomainError } from '@hexfleet/kernel';

/**
 * Dates are ISO strings (`YYYY-MM-DD`) and pay periods calendar months
 * (`YYYY-MM`); both compare correctly as strings. Arithmetic is done in UTC
 * so no local time zone can skip or repeat a day.
 */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const requireDate = (value: unknown, field: string): string => CalendarDate.parse(value, field);

export interface PeriodBounds {
  start: string;
  end: string;
  /** Calendar days of the month: the proration denominator. */
  days: number;
}

export function periodBounds(period: string): PeriodBounds {
  if (!PERIOD.test(period)) throw new DomainError('invalid-period', { period });
  const [year, month] = period.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(days).padStart(2, '0')}`, days };
}

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  if (to < from) return 0;
  return CalendarDate.daysBetween(from, to) + 1;
}

export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);
