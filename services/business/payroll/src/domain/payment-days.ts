import { periodBounds, daysBetween, maxDate, minDate } from './period';

export interface Employment {
  joiningDate: string;
  relievingDate: string | null;
}
export interface DayOff {
  date: string;
  /** 1 for a whole day, 0.5 for a half day. */
  days: number;
}

export interface PaymentDays {
  periodDays: number;
  employedDays: number;
  unpaidLeaveDays: number;
  absentDays: number;
  /** employedDays - unpaidLeaveDays - absentDays, a multiple of 0.5. */
  paymentDays: number;
}

/**
 * Payment days of an employee in a monthly period: the days employed in it
 * (joining and relieving dates included) minus unpaid leave and absences on
 * those days. Counting in half days keeps every step an exact integer. A day
 * that is both unpaid leave and absent is deducted once, never beyond a day.
 */
export function paymentDays(
  period: string,
  employment: Employment,
  unpaidLeave: readonly DayOff[],
  absences: readonly DayOff[],
): PaymentDays {
  const bounds = periodBounds(period);
  const from = maxDate(bounds.start, employment.joiningDate);
  const to = employment.relievingDate ? minDate(bounds.end, employment.relievingDate) : bounds.end;
  const employedDays = daysBetween(from, to);
  const employed = (date: string) => date >= from && date <= to;
  const halves = (days: readonly DayOff[]) => {
    const byDate = new Map<string, number>();
    for (const day of days.filter((d) => employed(d.date)))
      byDate.set(day.date, Math.min(2, (byDate.get(day.date) ?? 0) + Math.round(day.days * 2)));
    return byDate;
  };
  const unpaid = halves(unpaidLeave);
  const absent = halves(absences);
  let unpaidHalves = 0;
  let absentHalves = 0;
  for (const halfDays of unpaid.values()) unpaidHalves += halfDays;
  for (const [date, halfDays] of absent) absentHalves += Math.max(0, Math.min(halfDays, 2 - (unpaid.get(date) ?? 0)));
  return {
    periodDays: bounds.days,
    employedDays,
    unpaidLeaveDays: unpaidHalves / 2,
    absentDays: absentHalves / 2,
    paymentDays: (employedDays * 2 - unpaidHalves - absentHalves) / 2,
  };
}
