import { assertNever } from '@hexfleet/kernel';
import type { EventEvent, EventState, Registration } from './event.types';

/** Folds event events; kept apart from decide so each file stays readable. */
export function evolveEvent(state: EventState, event: EventEvent): EventState {
  if (event.type === 'EventScheduled') {
    const e = event.data;
    return {
      status: 'draft',
      eventId: e.eventId,
      calendarId: e.calendarId,
      schoolId: e.schoolId,
      eventType: e.eventType,
      title: e.title,
      audience: { kind: e.audienceKind, ids: e.audienceIds },
      when: {
        allDay: e.allDay,
        startDate: e.startDate,
        startTime: e.startTime,
        endDate: e.endDate,
        endTime: e.endTime,
        recurrence: e.recurrence,
        venueId: e.venueId,
      },
      registration: { required: e.registrationRequired, capacity: e.capacity, waitlistEnabled: e.waitlistEnabled },
      confirmed: [],
      waitlist: [],
    };
  }
  if (state.status === 'none') return state;
  const entry = (e: { registrationId: string; participantId: string }): Registration => ({
    registrationId: e.registrationId,
    participantId: e.participantId,
  });
  const others = (list: readonly Registration[], registrationId: string) =>
    list.filter((r) => r.registrationId !== registrationId);
  switch (event.type) {
    case 'EventRescheduled': {
      const { allDay, startDate, startTime, endDate, endTime, recurrence, venueId } = event.data;
      return { ...state, when: { allDay, startDate, startTime, endDate, endTime, recurrence, venueId } };
    }
    case 'EventPublished':
      return { ...state, status: 'published' };
    case 'EventCancelled':
      return { ...state, status: 'cancelled' };
    case 'EventCompleted':
      return { ...state, status: 'completed' };
    case 'HolidayDeclared':
      return state;
    case 'ParticipantRegistered':
      return { ...state, confirmed: [...state.confirmed, entry(event.data)] };
    case 'ParticipantWaitlisted':
      return { ...state, waitlist: [...state.waitlist, entry(event.data)] };
    case 'RegistrationCancelled': {
      const { registrationId } = event.data;
      return {
        ...state,
        confirmed: others(state.confirmed, registrationId),
        waitlist: others(state.waitlist, registrationId),
      };
    }
    case 'ParticipantPromotedFromWaitlist':
      return {
        ...state,
        confirmed: [...state.confirmed, entry(event.data)],
        waitlist: others(state.waitlist, event.data.registrationId),
      };
    default:
      return assertNever(event);
  }
}
