import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type {
  Calendar,
  CalendarView,
  DaysQuery,
  EventDetail,
  HolidayView,
  OccurrenceView,
  RegistrationView,
  VenueView,
  Viewer,
} from '../../../application/calendar.port';

const EVENT_COLUMNS = `e.event_id as "eventId", e.school_id as "schoolId", e.calendar_id as "calendarId",
  e.event_type as "eventType", e.title, e.description, e.audience_kind as "audienceKind",
  e.audience_ids as "audienceIds", e.all_day as "allDay", e.venue_id as "venueId", e.time_zone as "timeZone",
  e.status, e.registration_required as "registrationRequired", e.capacity, e.waitlist_enabled as "waitlistEnabled"`;

/**
 * Only published (and completed) events are visible, and only to their audience: the school's
 * to all, a group's to its members, named users' to them (ADR 0048); organisers also see drafts.
 * `$1` is the viewer's user id, `$2` whether they organise, `groups` the parameter holding their groups.
 */
const visible = (groups: string) => `(($2::boolean and e.status <> 'cancelled')
  or (e.status in ('published', 'completed') and (e.audience_kind = 'school'
    or (e.audience_kind = 'users' and $1::text = any(e.audience_ids))
    or (e.audience_kind = 'groups' and e.audience_ids && ${groups}::text[]))))`;

@Injectable()
export class PostgresCalendar implements Calendar {
  constructor(private readonly runtime: ServiceRuntime) {}

  occurrences(tenant: TenantId, viewer: Viewer, query: DaysQuery): Promise<OccurrenceView[]> {
    return this.runtime.queryTenant<OccurrenceView>(
      tenant,
      (s) => `select ${EVENT_COLUMNS}, o.n as occurrence, o.start_date as "startDate", o.start_time as "startTime",
                o.end_date as "endDate", o.end_time as "endTime"
              from ${s}.occurrences o join ${s}.events e on e.event_id = o.event_id
              where o.school_id = $3 and o.start_date <= $5 and o.end_date >= $4
                and ($6::text is null or e.calendar_id = $6)
                and ($7::text is null or e.audience_kind = 'school'
                  or (e.audience_kind = 'groups' and $7 = any(e.audience_ids)))
                and ${visible('$8')}
              order by o.start_date, o.start_time nulls first, e.title, e.event_id`,
      [
        viewer.userId,
        viewer.organiser,
        query.schoolId,
        query.first,
        query.last,
        query.calendarId ?? null,
        query.groupId ?? null,
        [...viewer.groupIds],
      ],
    );
  }

  async event(tenant: TenantId, viewer: Viewer, eventId: string): Promise<EventDetail | undefined> {
    const [event] = await this.runtime.queryTenant<EventDetail>(
      tenant,
      (s) => `select ${EVENT_COLUMNS}, e.start_date as "startDate", e.start_time as "startTime",
                e.end_date as "endDate", e.end_time as "endTime", e.recurrence,
                e.reminder_minutes as "reminderMinutesBefore",
                (select count(*)::int from ${s}.registrations r where r.event_id = e.event_id and r.status = 'registered') as registered,
                (select count(*)::int from ${s}.registrations r where r.event_id = e.event_id and r.status = 'waitlisted') as waitlisted,
                (select coalesce(json_agg(json_build_object('startDate', o.start_date, 'startTime', o.start_time,
                   'endDate', o.end_date, 'endTime', o.end_time) order by o.n), '[]'::json)
                 from ${s}.occurrences o where o.event_id = e.event_id) as occurrences
              from ${s}.events e where e.event_id = $3 and (${visible('$4')} or ($2 and e.status = 'cancelled'))`,
      [viewer.userId, viewer.organiser, eventId, [...viewer.groupIds]],
    );
    return event;
  }

  registrations(tenant: TenantId, viewer: Viewer, eventId: string): Promise<RegistrationView[]> {
    return this.runtime.queryTenant<RegistrationView>(
      tenant,
      (s) => `select * from (
                select registration_id as "registrationId", participant_id as "participantId", status,
                  registered_at as "registeredAt", updated_at as "updatedAt",
                  row_number() over (partition by status order by seq)::int as position
                from ${s}.registrations where event_id = $1 and status <> 'cancelled') r
              where $2 or r."participantId" = $3
              order by r.status, r.position`,
      [eventId, viewer.organiser, viewer.userId],
    );
  }

  holidays(tenant: TenantId, schoolId: string, from?: string, to?: string): Promise<HolidayView[]> {
    return this.runtime.queryTenant<HolidayView>(
      tenant,
      (s) => `select event_id as "eventId", calendar_id as "calendarId", name, start_date as "startDate",
                end_date as "endDate"
              from ${s}.holidays where school_id = $1 and status = 'declared'
                and ($2::text is null or end_date >= $2) and ($3::text is null or start_date <= $3)
              order by start_date, name`,
      [schoolId, from ?? null, to ?? null],
    );
  }

  calendars(tenant: TenantId, schoolId: string): Promise<CalendarView[]> {
    return this.runtime.queryTenant<CalendarView>(
      tenant,
      (s) => `select calendar_id as "calendarId", school_id as "schoolId", kind, group_id as "groupId", name,
                time_zone as "timeZone"
              from ${s}.calendars where school_id = $1 order by kind desc, name`,
      [schoolId],
    );
  }

  venues(tenant: TenantId, schoolId: string): Promise<VenueView[]> {
    return this.runtime.queryTenant<VenueView>(
      tenant,
      (s) => `select v.venue_id as "venueId", v.school_id as "schoolId", v.name,
                coalesce(json_agg(json_build_object('eventId', b.event_id, 'start', b.slot_start, 'end', b.slot_end)
                  order by b.slot_start) filter (where b.event_id is not null), '[]'::json) as bookings
              from ${s}.venues v left join ${s}.venue_bookings b on b.venue_id = v.venue_id
              where v.school_id = $1 group by v.venue_id order by v.name`,
      [schoolId],
    );
  }
}
