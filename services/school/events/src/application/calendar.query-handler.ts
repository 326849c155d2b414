import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CalendarDate } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { EVENTS_SETTINGS, isOrganiser } from './events-settings';
import type { EventsSettings } from './events-settings';

export interface MonthQuery {
  /** YYYY-MM */
  month: string;
  calendarId?: string;
  /** Only school-wide events and those for this group. */
  groupId?: string;
}

const EVENT_COLUMNS = `e.event_id as "eventId", e.school_id as "schoolId", e.calendar_id as "calendarId",
  e.event_type as "eventType", e.title, e.description, e.audience_kind as "audienceKind",
  e.audience_ids as "audienceIds", e.all_day as "allDay", e.venue_id as "venueId", e.time_zone as "timeZone",
  e.status, e.registration_required as "registrationRequired", e.capacity, e.waitlist_enabled as "waitlistEnabled"`;

/**
 * Only published (and completed) events are visible, and an event for named
 * users only to them; organisers also see drafts. `$1` is the caller's user id,
 * `$2` whether they organise.
 */
const VISIBLE = `(($2::boolean and e.status <> 'cancelled')
  or (e.status in ('published', 'completed') and (e.audience_kind <> 'users' or $1::text = any(e.audience_ids))))`;

/** Reads of the calendar read model; each waits for the caller's consistency token first. */
@Injectable()
export class CalendarQueries {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    @Inject(EVENTS_SETTINGS) private readonly settings: EventsSettings,
  ) {}

  /** Every occurrence that touches the month, in date and time order. */
  async month(caller: Principal, schoolId: string, query: MonthQuery) {
    await this.fresh(caller);
    const { first, last } = monthRange(query.month);
    const occurrences = await this.runtime.queryTenant(
      caller.tenant,
      (s) => `select ${EVENT_COLUMNS}, o.n as occurrence, o.start_date as "startDate", o.start_time as "startTime",
                o.end_date as "endDate", o.end_time as "endTime"
              from ${s}.occurrences o join ${s}.events e on e.event_id = o.event_id
              where o.school_id = $3 and o.start_date <= $5 and o.end_date >= $4
                and ($6::text is null or e.calendar_id = $6)
                and ($7::text is null or e.audience_kind = 'school'
                  or (e.audience_kind = 'groups' and $7 = any(e.audience_ids)))
                and ${VISIBLE}
              order by o.start_date, o.start_time nulls first, e.title, e.event_id`,
      [caller.userId, isOrganiser(caller), schoolId, first, last, query.calendarId ?? null, query.groupId ?? null],
    );
    return { schoolId, month: query.month, occurrences };
  }

  async event(caller: Principal, eventId: string) {
    await this.fresh(caller);
    const [event] = await this.runtime.queryTenant<Record<string, unknown>>(
      caller.tenant,
      (s) => `select ${EVENT_COLUMNS}, e.start_date as "startDate", e.start_time as "startTime",
                e.end_date as "endDate", e.end_time as "endTime", e.recurrence,
                e.reminder_minutes as "reminderMinutesBefore",
                (select count(*)::int from ${s}.registrations r where r.event_id = e.event_id and r.status = 'registered') as registered,
                (select count(*)::int from ${s}.registrations r where r.event_id = e.event_id and r.status = 'waitlisted') as waitlisted,
                (select coalesce(json_agg(json_build_object('startDate', o.start_date, 'startTime', o.start_time,
                   'endDate', o.end_date, 'endTime', o.end_time) order by o.n), '[]'::json)
                 from ${s}.occurrences o where o.event_id = e.event_id) as occurrences
              from ${s}.events e where e.event_id = $3 and (${VISIBLE} or ($2 and e.status = 'cancelled'))`,
      [caller.userId, isOrganiser(caller), eventId],
    );
    if (!event) throw new NotFoundException(`no event ${eventId}`);
    return event;
  }

  /**
   * Who is registered, in order, and who waits, with their place. Organisers see
   * everyone; a participant sees only their own entries.
   */
  async registrations(caller: Principal, eventId: string) {
    const event = await this.event(caller, eventId);
    const rows = await this.runtime.queryTenant<{
      registrationId: string;
      participantId: string;
      status: string;
      registeredAt: string;
      position: number;
    }>(
      caller.tenant,
      (s) => `select * from (
                select registration_id as "registrationId", participant_id as "participantId", status,
                  registered_at as "registeredAt", updated_at as "updatedAt",
                  row_number() over (partition by status order by seq)::int as position
                from ${s}.registrations where event_id = $1 and status <> 'cancelled') r
              where $2 or r."participantId" = $3
              order by r.status, r.position`,
      [eventId, isOrganiser(caller), caller.userId],
    );
    const registered = rows.filter((r) => r.status === 'registered').map(({ position: _, ...r }) => r);
    const waitlist = rows.filter((r) => r.status === 'waitlisted');
    return { eventId, capacity: event.capacity, registered, waitlist };
  }

  async holidays(caller: Principal, schoolId: string, from?: string, to?: string) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (s) => `select event_id as "eventId", calendar_id as "calendarId", name, start_date as "startDate",
                end_date as "endDate"
              from ${s}.holidays where school_id = $1 and status = 'declared'
                and ($2::text is null or end_date >= $2) and ($3::text is null or start_date <= $3)
              order by start_date, name`,
      [schoolId, from ?? null, to ?? null],
    );
  }

  async calendars(caller: Principal, schoolId: string) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (s) => `select calendar_id as "calendarId", school_id as "schoolId", kind, group_id as "groupId", name,
                time_zone as "timeZone"
              from ${s}.calendars where school_id = $1 order by kind desc, name`,
      [schoolId],
    );
  }

  async venues(caller: Principal, schoolId: string) {
    await this.fresh(caller);
    return this.runtime.queryTenant(
      caller.tenant,
      (s) => `select v.venue_id as "venueId", v.school_id as "schoolId", v.name,
                coalesce(json_agg(json_build_object('eventId', b.event_id, 'start', b.slot_start, 'end', b.slot_end)
                  order by b.slot_start) filter (where b.event_id is not null), '[]'::json) as bookings
              from ${s}.venues v left join ${s}.venue_bookings b on b.venue_id = v.venue_id
              where v.school_id = $1 group by v.venue_id order by v.name`,
      [schoolId],
    );
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
