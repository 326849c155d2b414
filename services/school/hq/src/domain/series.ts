import { CalendarDate, DomainError } from '@hexfleet/kernel';

/** How a dashboard series buckets its days: each day, or ISO weeks (Monday first). */
export type Interval = 'day' | 'week';
export const INTERVALS: readonly Interval[] = ['day', 'week'];
/** The longest range a series covers: a year of days, two years of weeks. */
export const MAX_RANGE_DAYS: Record<Interval, number> = { day: 366, week: 731 };

/** The Monday of the ISO week a day falls in. */
export function weekOf(day: string): string {
  // 1970-01-01 was a Thursday: day numbers shifted by 3 make Monday 0.
  const n = CalendarDate.toDayNumber(day);
  return CalendarDate.fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
}

export const periodOf = (day: string, interval: Interval) => (interval === 'week' ? weekOf(day) : day);

/**
 * Every period of the range, first to last, so a chart gets a point for each (zero where
 * nothing happened): days from `from` to `to`, or the weeks that touch them.
 */
export function periodsOf(from: string, to: string, interval: Interval): string[] {
  CalendarDate.parse(from, 'from');
  CalendarDate.parse(to, 'to');
  if (to < from) throw new DomainError('ends-before-start', { field: 'to', from, to });
  if (CalendarDate.daysBetween(from, to) >= MAX_RANGE_DAYS[interval])
    throw new DomainError('range-too-long', { field: 'to', maxDays: MAX_RANGE_DAYS[interval], interval });
  const step = interval === 'week' ? 7 : 1;
  const periods: string[] = [];
  for (let p = periodOf(from, interval); p <= to; p = CalendarDate.addDays(p, step)) periods.push(p);
  return periods;
}

export interface Point {
  /** The period's first day, YYYY-MM-DD. */
  period: string;
  value: number;
}

/** A point for every period: the counted ones as they are, the others zero. */
export function zeroFilled(periods: readonly string[], counted: ReadonlyArray<Point>): Point[] {
  const byPeriod = new Map(counted.map((p) => [p.period, p.value]));
  return periods.map((period) => ({ period, value: byPeriod.get(period) ?? 0 }));
}
