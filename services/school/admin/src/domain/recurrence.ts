import { CalendarDate, DomainError } from '@hexfleet/kernel';

/**
 * A weekly pattern of one lesson: on `weekdays` (ISO, 1 = Monday) from `firstDate`
 * to `lastDate`, between two wall-clock times. A single lesson is the pattern whose
 * first and last dates are its day.
 */
export interface WeeklySlot {
  firstDate: string;
  lastDate: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function requireTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !TIME.test(value)) throw new DomainError('invalid-time', { field });
  return value;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export const weekdayOf = (date: string): number => (((CalendarDate.toDayNumber(date) % 7) + 7 + 3) % 7) + 1;

/** Weekdays 1-7, each once, ascending. */
export function requireWeekdays(weekdays: readonly number[]): number[] {
  if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new DomainError('invalid-weekdays', { field: 'weekdays' });
  return [...new Set(weekdays)].sort((a, b) => a - b);
}

/** The days the slot takes place on between `from` and `to` (both included), skipping `except`. */
export function* occurrences(
  slot: WeeklySlot,
  from = slot.firstDate,
  to = slot.lastDate,
  except: ReadonlySet<string> = new Set(),
): Generator<string> {
  const first = from > slot.firstDate ? from : slot.firstDate;
  const last = to < slot.lastDate ? to : slot.lastDate;
  for (let date = first; date <= last; date = CalendarDate.addDays(date, 1)) {
    if (slot.weekdays.includes(weekdayOf(date)) && !except.has(date)) yield date;
  }
}

export const timesOverlap = (a: WeeklySlot, b: WeeklySlot): boolean =>
  a.startTime < b.endTime && b.startTime < a.endTime;

/**
 * The first day both slots take place at overlapping times, or null. `cancelled` are the
 * days `b` does not take place on any more (a cancelled lesson frees its room and teacher).
 */
export function firstClash(a: WeeklySlot, b: WeeklySlot, cancelled: ReadonlySet<string>): string | null {
  if (!timesOverlap(a, b) || !a.weekdays.some((d) => b.weekdays.includes(d))) return null;
  for (const date of occurrences(a, b.firstDate, b.lastDate)) {
    if (b.weekdays.includes(weekdayOf(date)) && !cancelled.has(date)) return date;
  }
  return null;
}
