import { DomainError } from '@hexfleet/kernel';

/**
 * A command as the application hands it to a decider: what to do, the facts it
 * needs, and when (`metadata.now`, an ISO-8601 UTC instant), because the domain
 * never reads a clock. Ids of new things, and who acts, arrive in `data`.
 */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/** Text trimmed and 1..`max` characters, or `code` naming the field. */
export function requireText(value: string, max: number, code: string, field: string): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > max) throw new DomainError(code, { field, maxLength: max });
  return trimmed;
}

/** An IANA zone the runtime's time-zone database knows (pure: ICU data, no I/O). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
