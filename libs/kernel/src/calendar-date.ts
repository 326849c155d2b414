import { DomainError } from './domain-error';

// Calendar dates (`YYYY-MM-DD`): a due date, a leave day, a pay period's first
// day. They are days, not instants, so arithmetic counts whole days in UTC and no
// time zone or daylight-saving change can skip or repeat one. As strings they
// already compare in order.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const utcMs = (value: string): number => {
  const match = DATE.exec(value);
  if (!match) return NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? NaN : ms;
};

export const CalendarDate = {
  /** A real day written `YYYY-MM-DD` (`2026-02-30` is not). */
  isValid: (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(utcMs(value)),

  /** The date, or DomainError `invalid-date` naming the field it came in. */
  parse(value: unknown, field = 'date'): string {
    if (!CalendarDate.isValid(value)) throw new DomainError('invalid-date', { field, value: String(value) });
    return value;
  },

  /** Days since 1970-01-01; `invalid-date` for anything but a real day. */
  toDayNumber: (date: string, field = 'date'): number => utcMs(CalendarDate.parse(date, field)) / DAY_MS,

  fromDayNumber: (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10),

  addDays: (date: string, days: number): string => CalendarDate.fromDayNumber(CalendarDate.toDayNumber(date) + days),

  /** Whole days from `from` to `to`: positive when `to` is later. */
  daysBetween: (from: string, to: string): number => CalendarDate.toDayNumber(to) - CalendarDate.toDayNumber(from),
};
