import type { hrms } from '@hexfleet/schemas';
import { datesBetween, monthOf } from './dates';

export type LeaveDay = hrms.LeaveDay;

export interface DateRange {
  fromDate: string;
  toDate: string;
}

/**
 * The working days a leave from `fromDate` to `toDate` covers: every day of
 * the range except the holidays (weekly offs are holidays of the list too),
 * with `halfDayDate`, when it is a working day of the range, counted as half.
 */
export function leaveDaysBetween(
  range: DateRange,
  holidays: Iterable<string>,
  halfDayDate: string | null = null,
): LeaveDay[] {
  const off = new Set(holidays);
  return datesBetween(range.fromDate, range.toDate)
    .filter((date) => !off.has(date))
    .map((date) => ({ date, halfDay: date === halfDayDate }));
}

/** Days the leave counts: 1 a day, 0.5 a half day. Halves are exact in binary floating point. */
export function totalLeaveDays(days: readonly LeaveDay[]): number {
  return days.reduce((sum, day) => sum + (day.halfDay ? 0.5 : 1), 0);
}

/** Two inclusive date ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.fromDate <= b.toDate && b.fromDate <= a.toDate;
}

/** The first of `others` that shares a day with `range`, if any. */
export function findOverlap<R extends DateRange>(range: DateRange, others: readonly R[]): R | undefined {
  return others.find((other) => rangesOverlap(range, other));
}

/** The payroll periods (`YYYY-MM`) the days fall in, in order. */
export function monthsOf(days: readonly LeaveDay[]): string[] {
  return [...new Set(days.map((day) => monthOf(day.date)))];
}

/** The days grouped by month, for the attendance sheets an approval marks. */
export function splitByMonth(days: readonly LeaveDay[]): Map<string, LeaveDay[]> {
  const byMonth = new Map<string, LeaveDay[]>();
  for (const day of days) byMonth.set(monthOf(day.date), [...(byMonth.get(monthOf(day.date)) ?? []), day]);
  return byMonth;
}
