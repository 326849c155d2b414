import { CalendarDate, DomainError } from '@hexfleet/kernel';

// The small checks every Admin aggregate makes on the values a command carries.

/** Refuses a malformed or impossible date (`2026-02-30`) with the field it came in. */
export const requireDate = (value: unknown, field: string): string => CalendarDate.parse(value, field);

export const addDays = CalendarDate.addDays;

/**
 * Text a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+1+1`, `@SUM(...)`, `-2+3`):
 * names and labels never start so, and a cell that does is refused rather than stored for
 * someone's export to run (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@]/;

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new DomainError('field-required', { field });
  const trimmed = value.trim();
  if (trimmed.length > max) throw new DomainError('field-too-long', { field, maxLength: max });
  if (FORMULA_START.test(trimmed)) throw new DomainError('formula-like-text', { field });
  return trimmed;
}

/** Trimmed text of 1 to `max` characters, or `field-required` / `field-too-long` naming the field. */
export function requireText(value: unknown, field: string, max = 100): string {
  const trimmed = text(value, field, max);
  if (trimmed === '') throw new DomainError('field-required', { field });
  return trimmed;
}

/** Trimmed text up to `max` characters, possibly empty. */
export function optionalText(value: unknown, field: string, max = 100): string {
  return value === null || value === undefined ? '' : text(value, field, max);
}

/** A span of days, first and last included: the last day never comes before the first. */
export interface DateSpan {
  startDate: string;
  endDate: string;
}

export function requireSpan(startDate: unknown, endDate: unknown): DateSpan {
  const span = { startDate: requireDate(startDate, 'startDate'), endDate: requireDate(endDate, 'endDate') };
  if (span.endDate < span.startDate) throw new DomainError('end-before-start', { ...span });
  return span;
}

/** True when the two spans share at least one day. */
export const spansOverlap = (a: DateSpan, b: DateSpan): boolean => a.startDate <= b.endDate && b.startDate <= a.endDate;

/** True when `inner` lies wholly inside `outer`. */
export const spanWithin = (inner: DateSpan, outer: DateSpan): boolean =>
  outer.startDate <= inner.startDate && inner.endDate <= outer.endDate;

/** Names compare without case or surrounding space: "Term 1" and " term 1" are one name. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A trimmed, lower-cased email or null; `invalid-email` naming the field otherwise. */
export function optionalEmail(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw new DomainError('invalid-email', { field });
  return email;
}
