import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { ScheduleEventInput, scheduleBody, WhenInput, whenBody } from './events.inputs';
import { PageArgs } from '../common/pages';
import {
  AudienceMemberPage,
  CancelledRegistration,
  EventRegistrations,
  RegistrationResult,
  SchoolEvent,
  Venue,
} from './events.types';

const EVENT = { type: () => ID, description: 'The event (UUID)' };
const eventPath = (eventId: string, rest = '') => `/events/${segment(eventId)}${rest}`;

/** The event's venue, from its school's venues: one call per school for a whole page of events. */
export async function venueOf(event: views.events.EventFacts, context: GqlContext) {
  if (!event.venueId) return null;
  const venues = await fromUpstream(callerOf(context).loaders.schoolVenues.load(event.schoolId));
  return venues.find((venue) => venue.venueId === event.venueId) ?? null;
}

/** School events through the gateway: their life (organisers) and registrations (anyone who sees them). */
@Resolver(() => SchoolEvent)
export class EventsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => SchoolEvent, {
    nullable: true,
    description: 'One event with its occurrences and registration counts; null when the caller may not see it.',
  })
  @Fronts('events', 'GET /events/{eventId}')
  event(@Context() context: GqlContext, @Args('eventId', EVENT) eventId: string) {
    return this.rest.find<views.events.EventDetail>(context, 'events', eventPath(eventId));
  }

  @ResolveField(() => Venue, { nullable: true, description: 'Batched: one call per school for a page.' })
  venue(@Parent() event: SchoolEvent, @Context() context: GqlContext) {
    return venueOf(event, context);
  }

  @Query(() => EventRegistrations, {
    description: 'Registered in order, and the waitlist with places (organisers: everyone’s; others: their own).',
  })
  @Fronts('events', 'GET /events/{eventId}/registrations')
  eventRegistrations(@Context() context: GqlContext, @Args('eventId', EVENT) eventId: string) {
    return this.rest.get<views.events.RegistrationsView>(context, 'events', eventPath(eventId, '/registrations'));
  }

  @Query(() => AudienceMemberPage, {
    description: 'Who the event reaches now, by group and roll number (its school’s organisers and HQ).',
  })
  @Fronts('events', 'GET /events/{eventId}/audience')
  eventAudience(@Context() context: GqlContext, @Args() page: PageArgs, @Args('eventId', EVENT) eventId: string) {
    return this.rest.page<views.events.AudienceMemberView>(context, 'events', eventPath(eventId, '/audience'), page);
  }

  @Mutation(() => CommandResult, {
    description: 'Schedule a draft event on a calendar, booking its venue (venue-double-booked when taken).',
  })
  @Fronts('events', 'POST /calendars/{calendarId}/events')
  async scheduleEvent(
    @Context() context: GqlContext,
    @Args('calendarId', { type: () => ID, description: 'The calendar (UUID)' }) calendarId: string,
    @Args('input') input: ScheduleEventInput,
  ) {
    const path = `/calendars/${segment(calendarId)}/events`;
    const reply = await this.rest.send<{ eventId: string }>(context, 'events', 'POST', path, scheduleBody(input));
    return { id: reply.body.eventId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Move an event (dates, times, recurrence, venue); its venue is re-booked.' })
  @Fronts('events', 'PUT /events/{eventId}/when')
  rescheduleEvent(
    @Context() context: GqlContext,
    @Args('eventId', EVENT) eventId: string,
    @Args('when') when: WhenInput,
  ) {
    return this.rest.accept(context, 'events', 'PUT', eventPath(eventId, '/when'), whenBody(when));
  }

  @Mutation(() => Accepted, { description: 'Publish a draft: its audience sees it; a holiday declares its days.' })
  @Fronts('events', 'POST /events/{eventId}/publish')
  publishEvent(@Context() context: GqlContext, @Args('eventId', EVENT) eventId: string) {
    return this.rest.accept(context, 'events', 'POST', eventPath(eventId, '/publish'));
  }

  @Mutation(() => Accepted, { description: 'Cancel an event and free its venue.' })
  @Fronts('events', 'POST /events/{eventId}/cancel')
  cancelEvent(
    @Context() context: GqlContext,
    @Args('eventId', EVENT) eventId: string,
    @Args('reason', { description: '1 to 500 characters' }) reason: string,
  ) {
    return this.rest.accept(context, 'events', 'POST', eventPath(eventId, '/cancel'), { reason });
  }

  @Mutation(() => Accepted, { description: 'Mark a published event completed once its last occurrence has ended.' })
  @Fronts('events', 'POST /events/{eventId}/complete')
  completeEvent(@Context() context: GqlContext, @Args('eventId', EVENT) eventId: string) {
    return this.rest.accept(context, 'events', 'POST', eventPath(eventId, '/complete'));
  }

  @Mutation(() => RegistrationResult, {
    description: 'Register yourself (organisers: anyone) for an event; waitlisted at a place when it is full.',
  })
  @Fronts('events', 'POST /events/{eventId}/registrations')
  async registerForEvent(
    @Context() context: GqlContext,
    @Args('eventId', EVENT) eventId: string,
    @Args('participantId', { nullable: true, description: 'Someone else (organisers only); 1 to 128 characters' })
    participantId?: string,
  ): Promise<RegistrationResult> {
    const path = eventPath(eventId, '/registrations');
    const reply = await this.rest.send<views.events.RegistrationOutcome>(context, 'events', 'POST', path, {
      participantId,
    });
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CancelledRegistration, {
    description: 'Cancel a registration (the participant or an organiser); the first waitlisted takes the place.',
  })
  @Fronts('events', 'DELETE /events/{eventId}/registrations/{registrationId}')
  async cancelRegistration(
    @Context() context: GqlContext,
    @Args('eventId', EVENT) eventId: string,
    @Args('registrationId', { type: () => ID, description: 'The registration (UUID)' }) registrationId: string,
  ): Promise<CancelledRegistration> {
    const path = eventPath(eventId, `/registrations/${segment(registrationId)}`);
    const reply = await this.rest.send<views.events.RegistrationCancellation>(context, 'events', 'DELETE', path);
    return { ...reply.body, consistencyToken: reply.consistencyToken };
  }
}
