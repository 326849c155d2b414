import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';

type Tx = ProjectionContext['tx'];

/**
 * Registrations and waitlists. `seq` is the stream version at which the entry
 * joined its current list, so ordering by it gives registration order and
 * waitlist positions as the event stream decided them.
 */
export async function applyRegistrationEvent(type: string, event: ConsumedEvent, tx: Tx, schema: string) {
  const d = event.data;
  const seq = event.streamVersion;
  const insert = (status: string, at: unknown) =>
    tx.query(
      `insert into ${schema}.registrations (registration_id, event_id, school_id, participant_id, status, seq,
         registered_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (registration_id) do nothing`,
      [d.registrationId, d.eventId, d.schoolId, d.participantId, status, seq, at],
    );
  switch (type) {
    case 'ParticipantRegistered':
      await insert('registered', d.registeredAt);
      return true;
    case 'ParticipantWaitlisted':
      await insert('waitlisted', d.waitlistedAt);
      return true;
    case 'ParticipantPromotedFromWaitlist':
      await tx.query(
        `update ${schema}.registrations set status = 'registered', seq = $2, updated_at = $3
         where registration_id = $1`,
        [d.registrationId, seq, d.promotedAt],
      );
      return true;
    case 'RegistrationCancelled':
      await tx.query(
        `update ${schema}.registrations set status = 'cancelled', seq = $2, updated_at = $3 where registration_id = $1`,
        [d.registrationId, seq, d.cancelledAt],
      );
      return true;
    default:
      return false;
  }
}
