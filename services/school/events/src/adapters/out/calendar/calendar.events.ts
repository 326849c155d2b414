import type { EventHandlers, ProjectionContext } from '@hexfleet/eventing';
import type { events } from '@hexfleet/schemas';
import { expandOccurrences } from '../../../domain';
import type { When } from '../../../domain';
import type { RegistrationEvent } from './calendar.registrations';

/** The events of an event stream that change the event itself: its row, occurrences and holidays. */
export type EventLifeEvent = Exclude<events.EventsEventV1Event, RegistrationEvent>;

/** The `when` as the events table's columns all_day .. venue_id hold it. */
const whenColumns = (w: When) => [
  w.allDay,
  w.startDate,
  w.startTime,
  w.endDate,
  w.endTime,
  w.recurrence === null ? null : JSON.stringify(w.recurrence),
  w.venueId,
];

/** One row per occurrence: a month view is a range query, whatever the recurrence. */
async function replaceOccurrences(
  { tx, schema }: ProjectionContext,
  eventId: string,
  schoolId: string,
  when: When,
): Promise<void> {
  await tx.query(`delete from ${schema}.occurrences where event_id = $1`, [eventId]);
  let n = 0;
  for (const o of expandOccurrences(when)) {
    await tx.query(
      `insert into ${schema}.occurrences (event_id, n, school_id, start_date, start_time, end_date, end_time)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [eventId, n++, schoolId, o.startDate, o.startTime, o.endDate, o.endTime],
    );
  }
}

const setStatus =
  (status: 'published' | 'completed') =>
  async ({ data }: { data: { eventId: string } }, { tx, schema }: ProjectionContext) => {
    await tx.query(`update ${schema}.events set status = $2 where event_id = $1`, [data.eventId, status]);
  };

/** The event's own row, its occurrences, and the holidays it declared. */
export const eventHandlers: EventHandlers<EventLifeEvent> = {
  async EventScheduled({ data }, context) {
    await context.tx.query(
      `insert into ${context.schema}.events (event_id, school_id, calendar_id, event_type, title, description,
         audience_kind, audience_ids, all_day, start_date, start_time, end_date, end_time, recurrence, venue_id,
         time_zone, registration_required, capacity, waitlist_enabled, reminder_minutes, status, scheduled_by,
         scheduled_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'draft',
         $21, $22)
       on conflict (event_id) do nothing`,
      [
        data.eventId,
        data.schoolId,
        data.calendarId,
        data.eventType,
        data.title,
        data.description,
        data.audienceKind,
        data.audienceIds,
        ...whenColumns(data),
        data.timeZone,
        data.registrationRequired,
        data.capacity,
        data.waitlistEnabled,
        data.reminderMinutesBefore,
        data.scheduledBy,
        data.scheduledAt,
      ],
    );
    await replaceOccurrences(context, data.eventId, data.schoolId, data);
  },
  async EventRescheduled({ data }, context) {
    await context.tx.query(
      `update ${context.schema}.events set all_day = $2, start_date = $3, start_time = $4, end_date = $5,
         end_time = $6, recurrence = $7, venue_id = $8 where event_id = $1`,
      [data.eventId, ...whenColumns(data)],
    );
    await replaceOccurrences(context, data.eventId, data.schoolId, data);
  },
  EventPublished: setStatus('published'),
  EventCompleted: setStatus('completed'),
  async EventCancelled({ data }, { tx, schema }) {
    await tx.query(`update ${schema}.events set status = 'cancelled' where event_id = $1`, [data.eventId]);
    await tx.query(`update ${schema}.holidays set status = 'cancelled' where event_id = $1`, [data.eventId]);
  },
  async HolidayDeclared({ data }, { tx, schema }) {
    await tx.query(
      `insert into ${schema}.holidays (event_id, school_id, calendar_id, name, start_date, end_date, status)
       values ($1, $2, $3, $4, $5, $6, 'declared') on conflict do nothing`,
      [data.eventId, data.schoolId, data.calendarId, data.name, data.startDate, data.endDate],
    );
  },
};
