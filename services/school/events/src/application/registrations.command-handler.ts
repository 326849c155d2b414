import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { Commands, hasRole, TimeAndIds } from '@hexfleet/platform';
import { eventDecider } from '../domain';
import type { EventEvent, Person } from '../domain';
import { found } from './found';
import { ORGANISERS } from './organisers';
import { Viewers } from './viewers';

/** What registering and cancelling answer: typed once, in the contracts the gateway implements too. */
export type RegistrationOutcome = views.events.RegistrationOutcome;

const outcomeOf = (events: readonly EventEvent[], registrationId: string): RegistrationOutcome | undefined => {
  for (const e of events) {
    if (e.type === 'ParticipantRegistered' && e.data.registrationId === registrationId) {
      return { registrationId, participantId: e.data.participantId, status: 'registered', position: null };
    }
    if (e.type === 'ParticipantWaitlisted' && e.data.registrationId === registrationId) {
      return { registrationId, participantId: e.data.participantId, status: 'waitlisted', position: e.data.position };
    }
  }
  return undefined;
};

/**
 * Registrations live in the event stream, whose version guards the capacity:
 * two people taking the last place at once conflict, and the retry waitlists one.
 */
@Injectable()
export class RegistrationsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly viewers: Viewers,
  ) {}

  /**
   * The caller registers themself, in the audience of the groups Admin places them in or their
   * token names (ADR 0048); an organiser may register someone else, and vouches for their
   * membership of the event's groups (ADR 0016).
   */
  async register(caller: Principal, eventId: string, participantId?: string): Promise<RegistrationOutcome> {
    const organiser = hasRole(caller, ...ORGANISERS);
    if (participantId !== undefined && participantId !== caller.userId && !organiser) {
      throw new ForbiddenException('Only an organiser registers someone else');
    }
    const registrationId = this.time.newId(caller, 'registration');
    const metadata = { now: this.time.now() };
    const self = participantId === undefined || participantId === caller.userId;
    const ownGroups = self ? (await this.viewers.of(caller)).groupIds : [];
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const event = await tx.load(eventDecider, 'event', eventId);
        const e = found(event.state, 'event');
        const vouched = !self && organiser && e.audience.kind === 'groups';
        const participant: Person = {
          userId: participantId ?? caller.userId,
          groupIds: vouched ? e.audience.ids : ownGroups,
        };
        const data = { registrationId, participant };
        const registered = eventDecider.decide({ type: 'RegisterParticipant', data, metadata }, event.state);
        tx.append(event, registered);
        return outcomeOf(registered, registrationId);
      },
      { retries: 5 },
    );
    // A replayed Idempotency-Key re-decides on the state it first saw, so it finds its outcome too.
    if (!outcome.result) throw new Error('registration decided no outcome');
    return outcome.result;
  }

  /** By the participant or an organiser; a freed place goes to the first on the waitlist. */
  async cancel(
    caller: Principal,
    eventId: string,
    registrationId: string,
  ): Promise<views.events.RegistrationCancellation> {
    const metadata = { now: this.time.now() };
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const event = await tx.load(eventDecider, 'event', eventId);
        const e = found(event.state, 'event');
        const mine = [...e.confirmed, ...e.waitlist].find((r) => r.registrationId === registrationId);
        // Someone else's registration does not exist for a participant, as another tenant's would not.
        if (mine && mine.participantId !== caller.userId && !hasRole(caller, ...ORGANISERS)) {
          throw new NotFoundException(`no registration ${registrationId}`);
        }
        const data = { registrationId };
        const cancelled = eventDecider.decide({ type: 'CancelRegistration', data, metadata }, event.state);
        tx.append(event, cancelled);
        const promoted = cancelled.find((c) => c.type === 'ParticipantPromotedFromWaitlist');
        return {
          registrationId,
          promoted:
            promoted?.type === 'ParticipantPromotedFromWaitlist'
              ? { registrationId: promoted.data.registrationId, participantId: promoted.data.participantId }
              : null,
        };
      },
      { retries: 5 },
    );
    return outcome.result;
  }
}
