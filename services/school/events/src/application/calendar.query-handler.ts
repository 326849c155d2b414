import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CalendarDate } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Consistency } from '@hexfleet/platform';
import { CALENDAR } from './calendar.port';
import type { Calendar, EventDetail, MonthView, RegistrationsView, Viewer } from './calendar.port';
import { EVENTS_SETTINGS } from './events-settings';
import type { EventsSettings } from './events-settings';
import { Viewers } from './viewers';

export interface MonthQuery {
  /** YYYY-MM */
  month: string;
  calendarId?: string;
  /** Only school-wide events and those for this group. */
  groupId?: string;
}

/**
 * Reads of the calendar read model, for anyone of the tenant: what each caller
 * sees depends on whether they organise (drafts, everyone's registrations). Each
 * waits for the caller's consistency token first.
 */
@Injectable()
export class CalendarQueryHandler {
  constructor(
    private readonly consistency: Consistency,
    @Inject(CALENDAR) private readonly calendar: Calendar,
    @Inject(EVENTS_SETTINGS) private readonly settings: EventsSettings,
    private readonly viewers: Viewers,
  ) {}

  /** Every occurrence that touches the month, in date and time order. */
  async month(caller: Principal, schoolId: string, query: MonthQuery): Promise<MonthView> {
    await this.fresh(caller);
    const { first, last } = monthRange(query.month);
    const occurrences = await this.calendar.occurrences(caller.tenant, await this.viewers.of(caller), {
      schoolId,
      first,
      last,
      calendarId: query.calendarId,
      groupId: query.groupId,
    });
    return { schoolId, month: query.month, occurrences };
  }

  async event(caller: Principal, eventId: string, viewer?: Viewer): Promise<EventDetail> {
    await this.fresh(caller);
    const event = await this.calendar.event(caller.tenant, viewer ?? (await this.viewers.of(caller)), eventId);
    if (!event) throw new NotFoundException(`no event ${eventId}`);
    return event;
  }

  /**
   * Who is registered, in order, and who waits, with their place, for those who
   * see the event. Organisers see everyone; a participant sees only their own entries.
   */
  async registrations(caller: Principal, eventId: string): Promise<RegistrationsView> {
    const viewer = await this.viewers.of(caller);
    const event = await this.event(caller, eventId, viewer);
    const rows = await this.calendar.registrations(caller.tenant, viewer, eventId);
    const registered = rows.filter((r) => r.status === 'registered').map(({ position: _, ...r }) => r);
    const waitlist = rows.filter((r) => r.status === 'waitlisted');
    return { eventId, capacity: event.capacity, registered, waitlist };
  }

  async holidays(caller: Principal, schoolId: string, from?: string, to?: string) {
    await this.fresh(caller);
    return this.calendar.holidays(caller.tenant, schoolId, from, to);
  }

  async calendars(caller: Principal, schoolId: string) {
    await this.fresh(caller);
    return this.calendar.calendars(caller.tenant, schoolId);
  }

  async venues(caller: Principal, schoolId: string) {
    await this.fresh(caller);
    return this.calendar.venues(caller.tenant, schoolId);
  }

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.calendar, caller);
  }
}

/** The first and last day of a month written `YYYY-MM`. */
function monthRange(month: string): { first: string; last: string } {
  const first = CalendarDate.parse(`${month}-01`, 'month');
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: CalendarDate.addDays(next, -1) };
}
