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

/** A period's register records by how they count (Attendance's meanings). */
export interface AttendanceCounts {
  period: string;
  attended: number;
  absent: number;
  excused: number;
}

/** Attended over every record but excused, in percent to two decimals; null when nothing counted. */
export function attendancePercent({ attended, absent }: Omit<AttendanceCounts, 'period'>): number | null {
  const counted = attended + absent;
  return counted === 0 ? null : Math.round((attended * 10_000) / counted) / 100;
}

/** A point for every period with its rate: the counted ones as they are, the others empty (no rate). */
export function attendanceSeries(periods: readonly string[], counted: ReadonlyArray<AttendanceCounts>) {
  const byPeriod = new Map(counted.map((c) => [c.period, c]));
  return periods.map((period) => {
    const counts = byPeriod.get(period) ?? { period, attended: 0, absent: 0, excused: 0 };
    return { ...counts, attendancePercent: attendancePercent(counts) };
  });
}

/** The rate over a whole series. */
export const rangeAttendancePercent = (series: ReadonlyArray<AttendanceCounts>): number | null =>
  attendancePercent(
    series.reduce((sum, c) => ({ attended: sum.attended + c.attended, absent: sum.absent + c.absent, excused: 0 }), {
      attended: 0,
      absent: 0,
      excused: 0,
    }),
  );
