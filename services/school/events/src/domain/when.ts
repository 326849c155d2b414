import { DomainError } from '@hexfleet/kernel';
import type { events } from '@hexfleet/schemas';
import { addDays, checkTime, daysBetween, toDayNumber } from './dates';
import { expandOccurrences } from './recurrence';

/** When an event happens, as EventScheduled and EventRescheduled record it. */
export type When = Pick<
  events.EventScheduledData,
  'allDay' | 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'recurrence' | 'venueId'
>;
export type Recurrence = events.Recurrence;
export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

/** One occurrence of a (possibly recurring) event. */
export type Occurrence = Pick<When, 'startDate' | 'startTime' | 'endDate' | 'endTime'>;
/** An occupied interval in wall-clock time, `YYYY-MM-DDTHH:mm`, start inclusive, end exclusive. */
export type Slot = events.Slot;

export function slotOf(o: Occurrence): Slot {
  if (o.startTime === null || o.endTime === null) {
    return { start: `${o.startDate}T00:00`, end: `${addDays(o.endDate, 1)}T00:00` };
  }
  return { start: `${o.startDate}T${o.startTime}`, end: `${o.endDate}T${o.endTime}` };
}

/** Every interval the event occupies, one per occurrence: what a venue booking holds. */
export const venueSlots = (when: When): Slot[] => expandOccurrences(when).map(slotOf);

/**
 * Refuses a `when` no calendar could show: bad dates or times, an end before
 * the start (`end-before-start`), a recurrence outside the supported RRULE
 * subset, or occurrences that run into each other. Returns the occurrences.
 */
export function checkWhen(when: When): Occurrence[] {
  toDayNumber(when.startDate, 'startDate');
  toDayNumber(when.endDate, 'endDate');
  if (when.allDay) {
    if (when.startTime !== null || when.endTime !== null) throw new DomainError('all-day-event-has-no-times');
    if (daysBetween(when.startDate, when.endDate) < 0) throw new DomainError('end-before-start');
  } else {
    if (when.startTime === null || when.endTime === null) throw new DomainError('times-required');
    checkTime(when.startTime, 'startTime');
    checkTime(when.endTime, 'endTime');
    const { start, end } = slotOf(when);
    if (end < start) throw new DomainError('end-before-start', { start, end });
  }
  if (when.recurrence) checkRecurrence(when.recurrence, when.startDate);
  const occurrences = expandOccurrences(when);
  const slots = occurrences.map(slotOf);
  slots.slice(1).forEach((slot, i) => {
    if (slot.start < slots[i].end) throw new DomainError('occurrences-overlap', { start: slot.start });
  });
  return occurrences;
}

function checkRecurrence(r: Recurrence, startDate: string): void {
  // `reason` for older clients; `field` names the recurrence field, as validation problems do.
  const invalid = (reason: string, field = reason) => new DomainError('invalid-recurrence', { reason, field });
  if (r.until !== null) toDayNumber(r.until, 'until');
  if (!(FREQUENCIES as readonly string[]).includes(r.frequency)) throw invalid('frequency');
  if (!Number.isInteger(r.interval) || r.interval < 1) throw invalid('interval');
  // Without COUNT or UNTIL a series never ends, and no finite list of bookings could hold it.
  if (r.count === null && r.until === null) throw new DomainError('recurrence-unbounded');
  if (r.count !== null && r.until !== null) throw invalid('count-and-until', 'until');
  if (r.count !== null && (!Number.isInteger(r.count) || r.count < 1)) throw invalid('count');
  if (r.until !== null && daysBetween(startDate, r.until) < 0) throw invalid('until');
}

/** Field by field, so the order keys arrived in does not matter. */
export function sameWhen(a: When, b: When): boolean {
  const keys = ['allDay', 'startDate', 'startTime', 'endDate', 'endTime', 'venueId'] as const;
  if (keys.some((k) => a[k] !== b[k])) return false;
  if (a.recurrence === null || b.recurrence === null) return a.recurrence === b.recurrence;
  const r = ['frequency', 'interval', 'count', 'until'] as const;
  return r.every((k) => a.recurrence?.[k] === b.recurrence?.[k]);
}
