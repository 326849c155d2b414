import { CalendarDate } from '@hexfleet/kernel';

// Library dates are school-calendar days (YYYY-MM-DD), not instants: a book is
// due on a day, and lateness is counted in whole days. The application turns
// `now` into the school's day with the school's time zone.
export const { toDayNumber, fromDayNumber, addDays, daysBetween } = CalendarDate;
