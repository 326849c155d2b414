import { readModel } from '@hexfleet/eventing';
import type { events } from '@hexfleet/schemas';
import { eventHandlers } from './calendar.events';
import { registrationHandlers } from './calendar.registrations';

/**
 * The school calendar: calendars and venues, events with their occurrences
 * (so a month is one range query), venue bookings, holidays, and registrations
 * with waitlist order. Dates and times are the school's wall clock (text), not instants.
 */
export const calendar = readModel<events.EventsCalendarV1Event | events.EventsEventV1Event | events.EventsVenueV1Event>(
  {
    name: 'school-calendar',
    topics: ['events.calendar.v1', 'events.event.v1', 'events.venue.v1'],
    tables: ['calendars', 'venues', 'venue_bookings', 'events', 'occurrences', 'holidays', 'registrations'],
    migrations: [
      (s) => `create table ${s}.calendars (
      calendar_id text primary key, school_id text not null, kind text not null, group_id text,
      name text not null, time_zone text not null)`,
      (s) => `create table ${s}.venues (venue_id text primary key, school_id text not null, name text not null)`,
      (s) => `create table ${s}.venue_bookings (
      venue_id text not null, event_id text not null, slot_start text not null, slot_end text not null)`,
      (s) => `create index on ${s}.venue_bookings (venue_id, slot_start)`,
      (s) => `create table ${s}.events (
      event_id text primary key, school_id text not null, calendar_id text not null, event_type text not null,
      title text not null, description text not null, audience_kind text not null, audience_ids text[] not null,
      all_day boolean not null, start_date text not null, start_time text, end_date text not null, end_time text,
      recurrence jsonb, venue_id text, time_zone text not null, registration_required boolean not null,
      capacity int, waitlist_enabled boolean not null, reminder_minutes int[] not null, status text not null,
      scheduled_by text not null, scheduled_at text not null)`,
      (s) => `create table ${s}.occurrences (
      event_id text not null, n int not null, school_id text not null, start_date text not null,
      start_time text, end_date text not null, end_time text, primary key (event_id, n))`,
      (s) => `create index on ${s}.occurrences (school_id, start_date)`,
      (s) => `create table ${s}.holidays (
      event_id text not null, school_id text not null, calendar_id text not null, name text not null,
      start_date text not null, end_date text not null, status text not null, primary key (event_id, start_date))`,
      (s) => `create table ${s}.registrations (
      registration_id text primary key, event_id text not null, school_id text not null,
      participant_id text not null, status text not null, seq int not null, registered_at text not null,
      updated_at text not null)`,
      (s) => `create index on ${s}.registrations (event_id, status, seq)`,
    ],
    on: {
      async CalendarCreated({ data }, { tx, schema }) {
        await tx.query(
          `insert into ${schema}.calendars (calendar_id, school_id, kind, group_id, name, time_zone)
         values ($1, $2, $3, $4, $5, $6) on conflict (calendar_id) do nothing`,
          [data.calendarId, data.schoolId, data.kind, data.groupId, data.name, data.timeZone],
        );
      },
      async VenueRegistered({ data }, { tx, schema }) {
        await tx.query(
          `insert into ${schema}.venues (venue_id, school_id, name) values ($1, $2, $3)
         on conflict (venue_id) do nothing`,
          [data.venueId, data.schoolId, data.name],
        );
      },
      async VenueBooked({ data }, { tx, schema }) {
        // Booking again for the same event replaces its slots (a reschedule).
        await tx.query(`delete from ${schema}.venue_bookings where venue_id = $1 and event_id = $2`, [
          data.venueId,
          data.eventId,
        ]);
        for (const slot of data.slots) {
          await tx.query(
            `insert into ${schema}.venue_bookings (venue_id, event_id, slot_start, slot_end) values ($1, $2, $3, $4)`,
            [data.venueId, data.eventId, slot.start, slot.end],
          );
        }
      },
      async VenueReleased({ data }, { tx, schema }) {
        await tx.query(`delete from ${schema}.venue_bookings where venue_id = $1 and event_id = $2`, [
          data.venueId,
          data.eventId,
        ]);
      },
      ...eventHandlers,
      ...registrationHandlers,
    },
  },
);
