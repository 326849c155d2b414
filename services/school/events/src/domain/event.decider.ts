import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { events } from '@hexfleet/schemas';
import { daysBetween } from './dates';
import { evolveEvent } from './event.evolve';
import { cancelRegistration, register } from './event.registrations';
import { EVENT_TYPES, EventCommand, EventDetails, EventEvent, EventState, ScheduleEvent } from './event.types';
import { checkWhen, sameWhen } from './when';

/**
 * A school event from draft to published, then cancelled or completed, with
 * its registrations. Stream `<tenant>/event/<eventId>`, topic events.event.v1.
 * Registrations live in this stream, so its version guards the capacity:
 * two people taking the last place at once conflict, and the retry waitlists one.
 */
function decide(command: EventCommand, state: EventState): EventEvent[] {
  const at = command.metadata.now;
  if (command.type === 'ScheduleEvent') return schedule(command, state);
  if (state.status === 'none') throw new DomainError('event-not-found');
  const ids = { eventId: state.eventId, schoolId: state.schoolId };
  switch (command.type) {
    case 'RescheduleEvent': {
      if (state.status !== 'draft' && state.status !== 'published') throw closed(state.status);
      // HolidayDeclared has been acted on (sessions cancelled): a declared holiday is cancelled, not moved.
      if (state.eventType === 'holiday' && state.status === 'published')
        throw new DomainError('holiday-already-declared');
      const { when } = command.data;
      checkWhen(when);
      if (sameWhen(when, state.when)) return [];
      return [events.eventRescheduled({ ...ids, ...when, rescheduledAt: at })];
    }
    case 'PublishEvent': {
      if (state.status === 'published') throw new DomainError('event-already-published');
      if (state.status !== 'draft') throw closed(state.status);
      const { calendarId, eventType, title, when } = state;
      const published = events.eventPublished({
        ...ids,
        calendarId,
        eventType,
        title,
        ...dates(when),
        publishedAt: at,
      });
      if (eventType !== 'holiday') return [published];
      const days = checkWhen(when).map((o) => ({ startDate: o.startDate, endDate: o.endDate }));
      return [
        published,
        ...days.map((d) => events.holidayDeclared({ ...ids, calendarId, name: title, ...d, declaredAt: at })),
      ];
    }
    case 'CancelEvent': {
      if (state.status !== 'draft' && state.status !== 'published') throw closed(state.status);
      return [events.eventCancelled({ ...ids, reason: command.data.reason, cancelledAt: at })];
    }
    case 'CompleteEvent': {
      if (state.status !== 'published') throw new DomainError('event-not-published', { status: state.status });
      const occurrences = checkWhen(state.when);
      const lastDay = occurrences[occurrences.length - 1].endDate;
      if (daysBetween(lastDay, command.data.today) < 0) throw new DomainError('event-not-finished', { lastDay });
      return [events.eventCompleted({ ...ids, completedAt: at })];
    }
    case 'RegisterParticipant':
      return register(command, state);
    case 'CancelRegistration':
      return cancelRegistration(command, state);
    default:
      return assertNever(command);
  }
}

/** Why a cancelled or completed event refuses a change. */
const closed = (status: EventState['status']) =>
  new DomainError(status === 'cancelled' ? 'event-cancelled' : 'event-completed', { status });

const dates = (when: EventDetails['when']) => ({ startDate: when.startDate, endDate: when.endDate });

function schedule(command: ScheduleEvent, state: EventState): EventEvent[] {
  if (state.status !== 'none') throw new DomainError('event-already-exists', { eventId: state.eventId });
  const { eventId, calendar, eventType, title, description, audience, when, registration } = command.data;
  if (!(EVENT_TYPES as readonly string[]).includes(eventType))
    throw new DomainError('invalid-event-type', { eventType });
  if (!title.trim()) throw new DomainError('title-required');
  if (audience.kind !== 'school' && audience.ids.length === 0) throw new DomainError('audience-required');
  checkWhen(when);
  if (eventType === 'holiday') {
    if (!when.allDay) throw new DomainError('holiday-must-be-all-day');
    if (calendar.kind !== 'school' || audience.kind !== 'school')
      throw new DomainError('holiday-needs-school-calendar');
  }
  const { required, capacity, waitlistEnabled } = registration;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) throw new DomainError('invalid-capacity');
  if (!required && (capacity !== null || waitlistEnabled)) throw new DomainError('capacity-without-registration');
  if (command.data.reminderMinutesBefore.some((m) => !Number.isInteger(m) || m < 0)) {
    throw new DomainError('invalid-reminder');
  }
  return [
    events.eventScheduled({
      eventId,
      calendarId: calendar.calendarId,
      schoolId: calendar.schoolId,
      eventType,
      title,
      description,
      audienceKind: audience.kind,
      audienceIds: audience.ids,
      ...when,
      timeZone: calendar.timeZone,
      registrationRequired: required,
      capacity,
      waitlistEnabled,
      reminderMinutesBefore: command.data.reminderMinutesBefore,
      scheduledBy: command.data.scheduledBy,
      scheduledAt: command.metadata.now,
    }),
  ];
}

export const eventDecider: Decider<EventCommand, EventEvent, EventState> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveEvent,
};
