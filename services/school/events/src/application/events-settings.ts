import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Clock } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';

/** DI token of the Events service's settings. */
export const EVENTS_SETTINGS = Symbol('EventsSettings');

export interface EventsSettings {
  clock: Clock;
  /** The projections' actual names (suffixed), by role. */
  readModels: { activity: string; calendar: string };
}

/** Who plans the school's calendar: create calendars and venues, schedule, publish, register others (ADR 0016). */
export const ORGANISERS = ['school-admin', 'teacher'] as const;
export const isOrganiser = (caller: Principal) =>
  caller.roles.some((r) => (ORGANISERS as readonly string[]).includes(r));

/** Time for commands: the domain never reads the clock. */
@Injectable()
export class EventsContext {
  constructor(@Inject(EVENTS_SETTINGS) readonly settings: EventsSettings) {}

  now(): string {
    return this.settings.clock.now().toISOString();
  }

  /** The calendar day now in a calendar's time zone (YYYY-MM-DD). */
  today(timeZone: string): string {
    // en-CA formats as YYYY-MM-DD.
    const format = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    return new Intl.DateTimeFormat('en-CA', format).format(this.settings.clock.now());
  }
}

/** A stream that was never written is, for the caller, a thing that does not exist: 404 (never another tenant's). */
export function found<S extends { status: string }>(state: S, what: string): Exclude<S, { status: 'none' }> {
  if (state.status === 'none') throw new NotFoundException(`no ${what}`);
  return state as Exclude<S, { status: 'none' }>;
}
