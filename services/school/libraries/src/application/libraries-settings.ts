import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Clock } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { newId } from '@hexfleet/platform';

/** DI token of the service's options (clock, time zone, pickup days, read-model names). */
export const LIBRARY_SETTINGS = Symbol('LibrarySettings');

export interface LibrarySettings {
  clock: Clock;
  timeZone: string;
  pickupDays: number;
  overdueScanIntervalMs: number;
  holdExpiryScanIntervalMs: number;
  /** The projections' actual names (suffixed), by role. */
  readModels: { catalogue: string; circulation: string };
}

/** Roles that may run the desk: check out, return, catalogue, block. */
export const STAFF = ['librarian', 'school-admin'] as const;
export const isStaff = (caller: Principal) => caller.roles.some((r) => (STAFF as readonly string[]).includes(r));

/** Time and ids for commands: the domain reads neither the clock nor a random source. */
@Injectable()
export class LibraryContext {
  constructor(@Inject(LIBRARY_SETTINGS) readonly settings: LibrarySettings) {}

  now(): string {
    return this.settings.clock.now().toISOString();
  }

  /** The school's calendar day now (YYYY-MM-DD in the configured zone). */
  today(): string {
    return schoolDay(this.settings.clock.now(), this.settings.timeZone);
  }

  /**
   * An id for a new thing. With an `Idempotency-Key`, the retried request names
   * the same thing (and so appends nothing new) instead of creating a second one.
   */
  newId(caller: Principal, purpose: string): string {
    return newId(caller, purpose);
  }
}

export function schoolDay(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** A stream that was never written is, for the caller, a thing that does not exist: 404 (never another tenant's). */
export function found<S extends { status: string }>(state: S, what: string): Exclude<S, { status: 'none' }> {
  if (state.status === 'none') throw new NotFoundException(`no ${what}`);
  return state as Exclude<S, { status: 'none' }>;
}
