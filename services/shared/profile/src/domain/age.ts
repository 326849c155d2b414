import { DomainError } from '@hexfleet/kernel';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ADULT_AGE = 18;

/** Checks a `YYYY-MM-DD` calendar date (2026-02-30 is refused). */
export function parseDate(value: string): { y: number; m: number; d: number } {
  const match = DATE.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!match || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new DomainError('invalid-date', { value });
  return { y, m, d };
}

/** Whole years from `birthDate` to the UTC calendar day of `now`: the birthday itself counts. */
export function ageOn(birthDate: string, now: string): number {
  const born = parseDate(birthDate);
  const today = parseDate(now.slice(0, 10));
  const hadBirthday = today.m > born.m || (today.m === born.m && today.d >= born.d);
  return today.y - born.y - (hadBirthday ? 0 : 1);
}

export const isMinor = (birthDate: string | null, now: string) =>
  birthDate !== null && ageOn(birthDate, now) < ADULT_AGE;
