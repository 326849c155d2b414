import { deciderSpec } from '@hexfleet/testing';
import { events } from '@hexfleet/schemas';
import { VenueCommand, venueDecider, When } from '../../src/domain';
import { allDay, at, EVENT, NOW, OTHER_EVENT, SCHOOL, timed, VENUE } from './events-fixtures';

const given = deciderSpec(venueDecider);
const command = <C extends VenueCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { venueId: VENUE, schoolId: SCHOOL };
const hall = events.venueRegistered({ ...ids, name: 'Main hall', registeredAt: NOW });
const book = (when: When, eventId = EVENT) => command('BookVenue', { eventId, when: { ...when, venueId: VENUE } });
const booked = (slots: Array<[string, string]>, eventId = EVENT) =>
  events.venueBooked({ ...ids, eventId, slots: slots.map(([start, end]) => ({ start, end })), bookedAt: NOW });
/** The hall is taken on 2025-03-10 from 09:00 to 10:00 by another event. */
const taken = [hall, booked([['2025-03-10T09:00', '2025-03-10T10:00']], OTHER_EVENT)];

describe('venues', () => {
  it('given nothing, when a hall is registered, then VenueRegistered', () => {
    given([])
      .when(command('RegisterVenue', { ...ids, name: 'Main hall' }))
      .then([hall]);
  });

  it('given a free hall, when booked for a weekly series, then every occurrence is a slot', () => {
    given([hall])
      .when(book(timed({ recurrence: { frequency: 'weekly', interval: 1, count: 2, until: null } })))
      .then([
        booked([
          ['2025-03-10T09:00', '2025-03-10T10:00'],
          ['2025-03-17T09:00', '2025-03-17T10:00'],
        ]),
      ]);
  });

  it('given a booking, when the event is cancelled and the venue released, then VenueReleased frees it', () => {
    const released = events.venueReleased({ ...ids, eventId: OTHER_EVENT, releasedAt: NOW });
    given(taken)
      .when(command('ReleaseVenue', { eventId: OTHER_EVENT }))
      .then([released]);
    given([...taken, released])
      .when(book(timed()))
      .then([booked([['2025-03-10T09:00', '2025-03-10T10:00']])]);
    given([...taken, released])
      .when(command('ReleaseVenue', { eventId: OTHER_EVENT }))
      .thenThrows('booking-not-found');
  });

  it('given an unknown venue, then booking is refused with venue-not-found', () => {
    given([]).when(book(timed())).thenThrows('venue-not-found');
  });
});

describe('rule: a venue is never double-booked', () => {
  it('given the hall is taken 09:00-10:00, then an overlapping 09:30-10:30 booking is refused with venue-double-booked', () => {
    given(taken)
      .when(book(timed({ startTime: '09:30', endTime: '10:30' })))
      .thenThrows('venue-double-booked', { eventId: OTHER_EVENT, start: '2025-03-10T09:00' });
  });

  it('given the hall is taken until 10:00, then a booking from 10:00 fits (end is exclusive)', () => {
    given(taken)
      .when(book(timed({ startTime: '10:00', endTime: '11:00' })))
      .then([booked([['2025-03-10T10:00', '2025-03-10T11:00']])]);
  });

  it('given the hall is taken on the 10th, then an all-day event that day is refused', () => {
    given(taken)
      .when(book(allDay('2025-03-10')))
      .thenThrows('venue-double-booked');
  });

  it('given the hall is taken on the 10th, then a daily series whose third occurrence lands on it is refused', () => {
    const daily = timed({
      startDate: '2025-03-08',
      endDate: '2025-03-08',
      startTime: '09:45',
      endTime: '11:00',
      recurrence: { frequency: 'daily', interval: 1, count: 3, until: null },
    });
    given(taken).when(book(daily)).thenThrows('venue-double-booked');
  });

  it('given the event itself holds the slot, when it is rescheduled to overlap its old time, then its booking is replaced', () => {
    given([hall, booked([['2025-03-10T09:00', '2025-03-10T10:00']])])
      .when(book(timed({ startTime: '09:30', endTime: '10:30' })))
      .then([booked([['2025-03-10T09:30', '2025-03-10T10:30']])]);
  });
});

describe('a booking names the venue it books', () => {
  it('given an event whose venue is another one, then booking this venue is refused with venue-mismatch', () => {
    given([hall])
      .when(command('BookVenue', { eventId: EVENT, when: timed() }))
      .thenThrows('venue-mismatch');
  });
});
