import { CalendarDate, DomainError } from '@hexfleet/kernel';

// Calendar dates (YYYY-MM-DD) and wall-clock times (HH:mm) of a school. They
// are not instants: an 09:00 assembly stays at 09:00 across daylight-saving
// changes, so recurrence is computed on dates, never by adding milliseconds.
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const { toDayNumber, fromDayNumber, addDays, daysBetween } = CalendarDate;

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
