import { deciderSpec } from '@hexfleet/testing';
import { events } from '@hexfleet/schemas';
import { fold } from '@hexfleet/kernel';
import { eventDecider, EventCommand, isVisibleTo } from '../../src/domain';
import { at, EVENT, eventPublished, eventScheduled, GROUP, NOW, SCHOOL } from './events-fixtures';

const given = deciderSpec(eventDecider);
const command = <C extends EventCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { eventId: EVENT, schoolId: SCHOOL };
const user = (n: number) => `0190a1b2-0000-7000-8000-00000000010${n}`;
const reg = (n: number) => `0190a1b2-0000-7000-8000-00000000020${n}`;

const register = (n: number, groupIds: string[] = [GROUP]) =>
  command('RegisterParticipant', { registrationId: reg(n), participant: { userId: user(n), groupIds } });
const registered = (n: number) =>
  events.participantRegistered({ ...ids, registrationId: reg(n), participantId: user(n), registeredAt: NOW });
const waitlisted = (n: number, position: number) =>
  events.participantWaitlisted({ ...ids, registrationId: reg(n), participantId: user(n), position, waitlistedAt: NOW });

/** A published sports trial for GROUP with 2 places and a waitlist. */
const trial = (waitlistEnabled = true) => [
  eventScheduled({
    eventType: 'sports',
    audienceKind: 'groups',
    audienceIds: [GROUP],
    registrationRequired: true,
    capacity: 2,
    waitlistEnabled,
  }),
  eventPublished({ eventType: 'sports' }),
];

describe('rule: only published events are visible', () => {
  const student = { userId: user(1), groupIds: [GROUP] };

  it('given a draft, then nobody in its audience sees it', () => {
    expect(isVisibleTo(fold(eventDecider, [eventScheduled()]), student)).toBe(false);
  });

  it('given the event was published, then its audience sees it, and others do not', () => {
    const state = fold(eventDecider, trial());
    expect(isVisibleTo(state, student)).toBe(true);
    expect(isVisibleTo(state, { userId: user(2), groupIds: [] })).toBe(false);
  });

  it('given a published event was cancelled, then it is no longer visible', () => {
    const cancelled = events.eventCancelled({ ...ids, reason: '', cancelledAt: NOW });
    expect(isVisibleTo(fold(eventDecider, [...trial(), cancelled]), student)).toBe(false);
  });

  it('given a draft, then registering is refused with event-not-published', () => {
    given([trial()[0]]).when(register(1)).thenThrows('event-not-published');
  });
});

describe('registration', () => {
  it('given a published event with places, when a member of its audience registers, then ParticipantRegistered', () => {
    given(trial())
      .when(register(1))
      .then([registered(1)]);
  });

  it('given someone outside the audience, then it is refused with not-in-audience', () => {
    given(trial()).when(register(1, [])).thenThrows('not-in-audience');
  });

  it('given a participant already registered or waitlisted, then it is refused with already-registered', () => {
    given([...trial(), registered(1)])
      .when(
        command('RegisterParticipant', { registrationId: reg(9), participant: { userId: user(1), groupIds: [GROUP] } }),
      )
      .thenThrows('already-registered');
  });

  it('given an event that takes no registrations, then it is refused with registration-not-required', () => {
    given([eventScheduled(), eventPublished()]).when(register(1)).thenThrows('registration-not-required');
  });

  it('given a waitlisted registration, when cancelled, then no place is freed and nobody is promoted', () => {
    given([...trial(), registered(1), registered(2), waitlisted(3, 1), waitlisted(4, 2)])
      .when(command('CancelRegistration', { registrationId: reg(4) }))
      .then([
        events.registrationCancelled({
          ...ids,
          registrationId: reg(4),
          participantId: user(4),
          wasWaitlisted: true,
          cancelledAt: NOW,
        }),
      ]);
  });

  it('given an unknown registration, then cancelling is refused with registration-not-found', () => {
    given(trial())
      .when(command('CancelRegistration', { registrationId: reg(1) }))
      .thenThrows('registration-not-found');
  });
});

describe('rule: registrations <= capacity, then waitlist', () => {
  it('given the last place is free, then the registration is confirmed', () => {
    given([...trial(), registered(1)])
      .when(register(2))
      .then([registered(2)]);
  });

  it('given the event is full and has a waitlist, then the next registration joins the waitlist at its position', () => {
    given([...trial(), registered(1), registered(2), waitlisted(3, 1)])
      .when(register(4))
      .then([waitlisted(4, 2)]);
  });

  it('given the event is full without a waitlist, then it is refused with event-full', () => {
    given([...trial(false), registered(1), registered(2)])
      .when(register(3))
      .thenThrows('event-full', { capacity: 2 });
  });

  it('given a confirmed registration is cancelled, then the first waitlisted is promoted to the freed place', () => {
    given([...trial(), registered(1), registered(2), waitlisted(3, 1), waitlisted(4, 2)])
      .when(command('CancelRegistration', { registrationId: reg(1) }))
      .then([
        events.registrationCancelled({
          ...ids,
          registrationId: reg(1),
          participantId: user(1),
          wasWaitlisted: false,
          cancelledAt: NOW,
        }),
        events.participantPromotedFromWaitlist({
          ...ids,
          registrationId: reg(3),
          participantId: user(3),
          promotedAt: NOW,
        }),
      ]);
  });

  it('given a promotion filled the freed place, then the next registration waits again', () => {
    const promoted = events.participantPromotedFromWaitlist({
      ...ids,
      registrationId: reg(3),
      participantId: user(3),
      promotedAt: NOW,
    });
    const cancelled = events.registrationCancelled({
      ...ids,
      registrationId: reg(1),
      participantId: user(1),
      wasWaitlisted: false,
      cancelledAt: NOW,
    });
    given([...trial(), registered(1), registered(2), waitlisted(3, 1), cancelled, promoted])
      .when(register(5))
      .then([waitlisted(5, 1)]);
  });
});
