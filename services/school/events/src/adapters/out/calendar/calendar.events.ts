import type { ProjectionContext } from '@hexfleet/eventing';
import { expandOccurrences } from '../../domain';
import type { When } from '../../domain';

type Tx = ProjectionContext['tx'];

const STATUS: Record<string, string> = {
  EventPublished: 'published',
  EventCancelled: 'cancelled',
  EventCompleted: 'completed',
};

const whenOf = (d: Record<string, unknown>): When => ({
  allDay: d.allDay as boolean,
  startDate: d.startDate as string,
  startTime: (d.startTime as string | null) ?? null,
  endDate: d.endDate as string,
  endTime: (d.endTime as string | null) ?? null,
  recurrence: (d.recurrence as When['recurrence']) ?? null,
  venueId: (d.venueId as string | null) ?? null,
});

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
async function replaceOccurrences(tx: Tx, schema: string, eventId: string, schoolId: string, when: When) {
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

/** The event's own row, its occurrences, and the holidays it declared. */
export async function applyEventEvent(type: string, d: Record<string, unknown>, tx: Tx, schema: string) {
  const eventId = d.eventId as string;
  if (type === 'EventScheduled') {
    const when = whenOf(d);
    await tx.query(
      `insert into ${schema}.events (event_id, school_id, calendar_id, event_type, title, description, audience_kind,
         audience_ids, all_day, start_date, start_time, end_date, end_time, recurrence, venue_id, time_zone,
         registration_required, capacity, waitlist_enabled, reminder_minutes, status, scheduled_by, scheduled_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'draft',
         $21, $22)
       on conflict (event_id) do nothing`,
      [
        eventId,
        d.schoolId,
        d.calendarId,
        d.eventType,
        d.title,
        d.description,
        d.audienceKind,
        d.audienceIds,
        ...whenColumns(when),
        d.timeZone,
        d.registrationRequired,
        d.capacity,
        d.waitlistEnabled,
        d.reminderMinutesBefore,
        d.scheduledBy,
        d.scheduledAt,
      ],
    );
    await replaceOccurrences(tx, schema, eventId, d.schoolId as string, when);
  } else if (type === 'EventRescheduled') {
    const when = whenOf(d);
    await tx.query(
      `update ${schema}.events set all_day = $2, start_date = $3, start_time = $4, end_date = $5, end_time = $6,
         recurrence = $7, venue_id = $8 where event_id = $1`,
      [eventId, ...whenColumns(when)],
    );
    await replaceOccurrences(tx, schema, eventId, d.schoolId as string, when);
  } else if (STATUS[type]) {
    await tx.query(`update ${schema}.events set status = $2 where event_id = $1`, [eventId, STATUS[type]]);
    if (type === 'EventCancelled') {
      await tx.query(`update ${schema}.holidays set status = 'cancelled' where event_id = $1`, [eventId]);
    }
  } else if (type === 'HolidayDeclared') {
    await tx.query(
      `insert into ${schema}.holidays (event_id, school_id, calendar_id, name, start_date, end_date, status)
       values ($1, $2, $3, $4, $5, $6, 'declared') on conflict do nothing`,
      [eventId, d.schoolId, d.calendarId, d.name, d.startDate, d.endDate],
    );
  }
}
