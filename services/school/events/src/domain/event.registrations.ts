import { DomainError } from '@hexfleet/kernel';
import { events } from '@hexfleet/schemas';
import type { CancelRegistration, EventDetails, EventEvent, EventState, RegisterParticipant } from './event.types';
import { inAudience } from './visibility';

// Registrations <= capacity, then the waitlist; a freed place goes to the first waitlisted.

function published(state: EventState): EventDetails {
  if (state.status !== 'published') throw new DomainError('event-not-published', { status: state.status });
  return state;
}

export function register(command: RegisterParticipant, state: EventState): EventEvent[] {
  const event = published(state);
  const { registrationId, participant } = command.data;
  const { capacity, required, waitlistEnabled } = event.registration;
  if (!required) throw new DomainError('registration-not-required');
  if (!inAudience(event.audience, participant)) throw new DomainError('not-in-audience');
  const all = [...event.confirmed, ...event.waitlist];
  if (all.some((r) => r.participantId === participant.userId)) throw new DomainError('already-registered');
  if (all.some((r) => r.registrationId === registrationId)) throw new DomainError('registration-already-exists');
  const ids = { eventId: event.eventId, schoolId: event.schoolId, registrationId, participantId: participant.userId };
  const at = command.metadata.now;
  if (capacity === null || event.confirmed.length < capacity) {
    return [events.participantRegistered({ ...ids, registeredAt: at })];
  }
  if (!waitlistEnabled) throw new DomainError('event-full', { capacity });
  return [events.participantWaitlisted({ ...ids, position: event.waitlist.length + 1, waitlistedAt: at })];
}

export function cancelRegistration(command: CancelRegistration, state: EventState): EventEvent[] {
  const event = published(state);
  const { registrationId } = command.data;
  const confirmed = event.confirmed.find((r) => r.registrationId === registrationId);
  const waiting = event.waitlist.find((r) => r.registrationId === registrationId);
  const registration = confirmed ?? waiting;
  if (!registration) throw new DomainError('registration-not-found', { registrationId });
  const at = command.metadata.now;
  const base = { eventId: event.eventId, schoolId: event.schoolId };
  const cancelled = events.registrationCancelled({
    ...base,
    ...registration,
    wasWaitlisted: !confirmed,
    cancelledAt: at,
  });
  const next = event.waitlist[0];
  if (!confirmed || !next) return [cancelled];
  return [cancelled, events.participantPromotedFromWaitlist({ ...base, ...next, promotedAt: at })];
}
