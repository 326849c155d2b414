import { DomainError } from '@hexfleet/kernel';
import { addDays, addMonthsKeepingDay, daysBetween } from './dates';
import type { Occurrence, When } from './when';

/** A series longer than this is refused: about a school year of daily events, with room to spare. */
export const MAX_OCCURRENCES = 400;

/**
 * The occurrences of an event, first one included: RFC 5545 FREQ=DAILY,
 * WEEKLY or MONTHLY with INTERVAL and COUNT or UNTIL (a day, inclusive).
 * Monthly repeats on the start's day of month and, as RFC 5545 says, skips
 * months without that day (a series on the 31st has no April occurrence);
 * skipped months do not count towards COUNT. Each occurrence keeps the
 * first one's length in days and its wall-clock times.
 */
export function expandOccurrences(when: When): Occurrence[] {
  const span = daysBetween(when.startDate, when.endDate);
  const at = (startDate: string): Occurrence => ({
    startDate,
    startTime: when.startTime,
    endDate: addDays(startDate, span),
    endTime: when.endTime,
  });
  const r = when.recurrence;
  if (!r) return [at(when.startDate)];
  const monthStart = `${when.startDate.slice(0, 8)}01`;
  const occurrences: Occurrence[] = [];
  for (let k = 0; r.count === null || occurrences.length < r.count; k += 1) {
    const step = k * r.interval;
    const start =
      r.frequency === 'monthly'
        ? addMonthsKeepingDay(when.startDate, step)
        : addDays(when.startDate, r.frequency === 'weekly' ? 7 * step : step);
    // A skipped month is judged against UNTIL by its first day, which always exists.
    const reached = start ?? addMonthsKeepingDay(monthStart, step) ?? monthStart;
    if (r.until !== null && daysBetween(r.until, reached) > 0) break;
    if (start === null) continue;
    occurrences.push(at(start));
    if (occurrences.length > MAX_OCCURRENCES) throw new DomainError('too-many-occurrences', { max: MAX_OCCURRENCES });
  }
  return occurrences;
}
