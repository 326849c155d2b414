import { DomainError } from '@hexfleet/kernel';
import type { StreamTransaction } from '@hexfleet/platform';
import { venueDecider } from '../domain';
import type { When } from '../domain';
import { found } from './found';

/**
 * The venue side of scheduling, in the event's transaction: the venue stream's
 * version guards its bookings, so two events taking one hall at once conflict,
 * and the retry meets `venue-double-booked`.
 */
export async function bookVenue(
  tx: StreamTransaction,
  booking: { eventId: string; schoolId: string; when: When },
  metadata: { now: string },
): Promise<void> {
  const { eventId, schoolId, when } = booking;
  if (when.venueId === null) return;
  const venue = await tx.load(venueDecider, 'venue', when.venueId);
  const v = found(venue.state, 'venue');
  if (v.schoolId !== schoolId) throw new DomainError('venue-of-another-school', { venueId: when.venueId });
  tx.append(venue, venueDecider.decide({ type: 'BookVenue', data: { eventId, when }, metadata }, venue.state));
}

/** Frees the event's slots on a venue it no longer uses (moved elsewhere, or cancelled). */
export async function releaseVenue(
  tx: StreamTransaction,
  venueId: string | null,
  eventId: string,
  metadata: { now: string },
): Promise<void> {
  if (venueId === null) return;
  const venue = await tx.load(venueDecider, 'venue', venueId);
  const v = found(venue.state, 'venue');
  if (!v.bookings[eventId]) return;
  tx.append(venue, venueDecider.decide({ type: 'ReleaseVenue', data: { eventId }, metadata }, venue.state));
}
