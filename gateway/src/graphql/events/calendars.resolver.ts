import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { CommandResult } from '../common/results';
import { CreateCalendarInput, RegisterVenueInput } from './events.inputs';
import { venueOf } from './events.resolver';
import { ActivityItemPage, Calendar, CalendarMonth, EventOccurrence, Holiday, Venue } from './events.types';

const SCHOOL = { type: () => ID, description: 'The school (UUID)' };
const schoolPath = (schoolId: string, what: string) => `/schools/${segment(schoolId)}/${what}`;

/** A school's calendars, venues, month view, holidays and activity feed through the gateway. */
@Resolver(() => EventOccurrence)
export class CalendarsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [String], { description: 'The types an event can have.' })
  @Fronts('events', 'GET /event-types')
  eventTypes(@Context() context: GqlContext) {
    return this.rest.get<string[]>(context, 'events', '/event-types');
  }

  @Query(() => [Calendar], { description: 'A school’s calendars: the school’s first, then groups’ by name.' })
  @Fronts('events', 'GET /schools/{schoolId}/calendars')
  schoolCalendars(@Context() context: GqlContext, @Args('schoolId', SCHOOL) schoolId: string) {
    return this.rest.get<views.events.CalendarView[]>(context, 'events', schoolPath(schoolId, 'calendars'));
  }

  @Query(() => [Venue], { description: 'A school’s venues by name, each with its bookings.' })
  @Fronts('events', 'GET /schools/{schoolId}/venues')
  schoolVenues(@Context() context: GqlContext, @Args('schoolId', SCHOOL) schoolId: string) {
    return this.rest.get<views.events.VenueView[]>(context, 'events', schoolPath(schoolId, 'venues'));
  }

  @Query(() => CalendarMonth, {
    description: 'A month of a school’s calendar, of one calendar or for one group; drafts only for organisers.',
  })
  @Fronts('events', 'GET /schools/{schoolId}/calendar')
  schoolCalendar(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('calendarId', { type: () => ID, nullable: true, description: 'Only this calendar' }) calendarId?: string,
    @Args('groupId', { type: () => ID, nullable: true, description: 'School-wide events and this group’s' })
    groupId?: string,
  ) {
    const path = withQuery(schoolPath(schoolId, 'calendar'), { month, calendarId, groupId });
    return this.rest.get<views.events.MonthView>(context, 'events', path);
  }

  @ResolveField(() => Venue, { nullable: true, description: 'Batched: one call per school for the month.' })
  venue(@Parent() occurrence: EventOccurrence, @Context() context: GqlContext) {
    return venueOf(occurrence, context);
  }

  @Query(() => [Holiday], { description: 'A school’s declared holidays that touch from..to (either open).' })
  @Fronts('events', 'GET /schools/{schoolId}/holidays')
  schoolHolidays(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Args('to', { nullable: true, description: 'YYYY-MM-DD' }) to?: string,
  ) {
    const path = withQuery(schoolPath(schoolId, 'holidays'), { from, to });
    return this.rest.get<views.events.HolidayView[]>(context, 'events', path);
  }

  @Query(() => ActivityItemPage, { description: 'A school’s activity (library loans and returns), newest first.' })
  @Fronts('events', 'GET /schools/{schoolId}/activity')
  schoolActivity(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('before', { nullable: true, description: 'Only items before this ISO-8601 instant' }) before?: string,
  ) {
    return this.rest.page<views.events.ActivityItem>(context, 'events', schoolPath(schoolId, 'activity'), page, {
      before,
    });
  }

  @Mutation(() => CommandResult, { description: 'Create a school’s calendar or a group’s (organisers).' })
  @Fronts('events', 'POST /calendars')
  async createCalendar(@Context() context: GqlContext, @Args('input') input: CreateCalendarInput) {
    const reply = await this.rest.send<{ calendarId: string }>(context, 'events', 'POST', '/calendars', { ...input });
    return { id: reply.body.calendarId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, { description: 'Register a bookable venue of a school (organisers).' })
  @Fronts('events', 'POST /venues')
  async registerVenue(@Context() context: GqlContext, @Args('input') input: RegisterVenueInput) {
    const reply = await this.rest.send<{ venueId: string }>(context, 'events', 'POST', '/venues', { ...input });
    return { id: reply.body.venueId, consistencyToken: reply.consistencyToken };
  }
}
