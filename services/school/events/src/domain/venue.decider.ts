import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { events } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkWhen, Slot, slotOf, When } from './when';

/**
 * A bookable place of a school and every booking on it. Stream
 * `<tenant>/venue/<venueId>`, topic events.venue.v1. Bookings live here, so
 * the venue stream's version guards "never double-booked": two events
 * booking the same hall at once conflict, and the retry sees the clash.
 */
export type RegisterVenue = Command<'RegisterVenue', { venueId: string; schoolId: string; name: string }>;
/**
 * Book the venue for every occurrence of an event; goes with ScheduleEvent or
 * RescheduleEvent in one transaction. Booking again for the same event
 * replaces its slots (a reschedule), so an event never clashes with itself.
 */
export type BookVenue = Command<'BookVenue', { eventId: string; when: When }>;
/** When the event is cancelled or moves to another venue. */
export type ReleaseVenue = Command<'ReleaseVenue', { eventId: string }>;
export type VenueCommand = RegisterVenue | BookVenue | ReleaseVenue;
export type VenueEvent = events.EventsVenueV1Event;

export type VenueState =
  | { status: 'none' }
  | { status: 'registered'; venueId: string; schoolId: string; bookings: Readonly<Record<string, readonly Slot[]>> };

const overlaps = (a: Slot, b: Slot) => a.start < b.end && b.start < a.end;

function decide(command: VenueCommand, state: VenueState): VenueEvent[] {
  const at = command.metadata.now;
  if (command.type === 'RegisterVenue') {
    if (state.status !== 'none') throw new DomainError('venue-already-exists', { venueId: state.venueId });
    if (!command.data.name.trim()) throw new DomainError('name-required');
    return [events.venueRegistered({ ...command.data, registeredAt: at })];
  }
  if (state.status === 'none') throw new DomainError('venue-not-found');
  const ids = { venueId: state.venueId, schoolId: state.schoolId };
  switch (command.type) {
    case 'BookVenue': {
      const { eventId, when } = command.data;
      if (when.venueId !== state.venueId) throw new DomainError('venue-mismatch', { venueId: when.venueId });
      const slots = checkWhen(when).map(slotOf);
      for (const [otherEventId, booked] of Object.entries(state.bookings)) {
        if (otherEventId === eventId) continue;
        const clash = booked.find((b) => slots.some((s) => overlaps(s, b)));
        if (clash)
          throw new DomainError('venue-double-booked', { eventId: otherEventId, start: clash.start, end: clash.end });
      }
      return [events.venueBooked({ ...ids, eventId, slots, bookedAt: at })];
    }
    case 'ReleaseVenue': {
      const { eventId } = command.data;
      if (!state.bookings[eventId]) throw new DomainError('booking-not-found', { eventId });
      return [events.venueReleased({ ...ids, eventId, releasedAt: at })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: VenueState, event: VenueEvent): VenueState {
  if (event.type === 'VenueRegistered') {
    return { status: 'registered', venueId: event.data.venueId, schoolId: event.data.schoolId, bookings: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'VenueBooked':
      return { ...state, bookings: { ...state.bookings, [event.data.eventId]: event.data.slots } };
    case 'VenueReleased': {
      const { [event.data.eventId]: _released, ...bookings } = state.bookings;
      return { ...state, bookings };
    }
    default:
      return assertNever(event);
  }
}

export const venueDecider: Decider<VenueCommand, VenueEvent, VenueState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
