import type { EventHandlers, ProjectionContext } from '@hexfleet/eventing';
import type { events } from '@hexfleet/schemas';

/** The events of an event stream that change its registrations and waitlist. */
export type RegistrationEvent = Extract<
  events.EventsEventV1Event,
  {
    type:
      'ParticipantRegistered' | 'ParticipantWaitlisted' | 'ParticipantPromotedFromWaitlist' | 'RegistrationCancelled';
  }
>;

interface Entry {
  registrationId: string;
  eventId: string;
  schoolId: string;
  participantId: string;
}

/** A new entry of a list, at `seq` in it, joined `at`. */
async function join(
  { tx, schema }: ProjectionContext,
  entry: Entry,
  status: 'registered' | 'waitlisted',
  seq: number,
  at: string,
): Promise<void> {
  await tx.query(
    `insert into ${schema}.registrations (registration_id, event_id, school_id, participant_id, status, seq,
       registered_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (registration_id) do nothing`,
    [entry.registrationId, entry.eventId, entry.schoolId, entry.participantId, status, seq, at],
  );
}

/** An entry moves to another list (or out), at `seq` in it. */
async function move(
  { tx, schema }: ProjectionContext,
  registrationId: string,
  status: 'registered' | 'cancelled',
  seq: number,
  at: string,
): Promise<void> {
  await tx.query(
    `update ${schema}.registrations set status = $2, seq = $3, updated_at = $4 where registration_id = $1`,
    [registrationId, status, seq, at],
  );
}

/**
 * Registrations and waitlists. `seq` is the stream version at which the entry
 * joined its current list, so ordering by it gives registration order and
 * waitlist positions as the event stream decided them.
 */
export const registrationHandlers: EventHandlers<RegistrationEvent> = {
  ParticipantRegistered: ({ data, streamVersion }, context) =>
    join(context, data, 'registered', streamVersion, data.registeredAt),
  ParticipantWaitlisted: ({ data, streamVersion }, context) =>
    join(context, data, 'waitlisted', streamVersion, data.waitlistedAt),
  ParticipantPromotedFromWaitlist: ({ data, streamVersion }, context) =>
    move(context, data.registrationId, 'registered', streamVersion, data.promotedAt),
  RegistrationCancelled: ({ data, streamVersion }, context) =>
    move(context, data.registrationId, 'cancelled', streamVersion, data.cancelledAt),
};
