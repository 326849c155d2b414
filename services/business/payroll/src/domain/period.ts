import { DomainError } from '@hexfleet/kernel';

/**
 * Dates are ISO strings (`YYYY-MM-DD`) and pay periods calendar months
 * (`YYYY-MM`); both compare correctly as strings. Arithmetic is done in UTC
 * so no local time zone can skip or repeat a day.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function requireDate(value: unknown, field: string): string {
  const valid =
    typeof value === 'string' &&
    ISO_DATE.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new DomainError('invalid-date', { field, value: String(value) });
  return value;
}

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
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);
