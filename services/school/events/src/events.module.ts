import { Module, Type } from '@nestjs/common';
import { systemClock } from '@hexfleet/eventing';
import type { Clock } from '@hexfleet/kernel';
import type { ServiceDefinition } from '@hexfleet/platform';
import { events, libraries, TOPIC_CATALOG } from '@hexfleet/schemas';
import { ActivityController } from './adapters/in/activity.http.controller';
import { CalendarsController } from './adapters/in/calendars.http.controller';
import { EventsController } from './adapters/in/events.http.controller';
import { activityFeedProjection } from './adapters/out/activity-feed.projection';
import { calendarProjection } from './adapters/out/calendar.projection';
import { ActivityQueries } from './application/activity.query-handler';
import { CalendarQueries } from './application/calendar.query-handler';
import { CalendarsHandler } from './application/calendars.command-handler';
import { EventsHandler } from './application/events.command-handler';
import { EVENTS_SETTINGS, EventsContext } from './application/events-settings';
import type { EventsSettings } from './application/events-settings';
import { RegistrationsHandler } from './application/registrations.command-handler';

export interface EventsOptions {
  clock: Clock;
  /** Appended to projection names (consumer groups): a rebuild beside the old one, or instances sharing Kafka. */
  projectionSuffix: string;
}

/** DomainError codes that say the request is invalid in itself (422); the rest are state conflicts (409). */
const UNPROCESSABLE = [
  'invalid-date',
  'invalid-time',
  'invalid-time-zone',
  'invalid-event-type',
  'invalid-capacity',
  'invalid-reminder',
  'invalid-calendar-kind',
  'title-required',
  'name-required',
  'audience-required',
  'holiday-must-be-all-day',
  'capacity-without-registration',
  'group-calendar-needs-group',
  'holiday-needs-school-calendar',
  'all-day-event-has-no-times',
  'times-required',
  'end-before-start',
  'invalid-recurrence',
  'recurrence-unbounded',
  'too-many-occurrences',
  'occurrences-overlap',
];

/** The Events service: definition and Nest module, composed together (projection names, clock). */
export function createEvents(overrides: Partial<EventsOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
  const suffix = overrides.projectionSuffix ?? env.PROJECTION_SUFFIX ?? '';
  if (!/^[a-z0-9-]*$/.test(suffix)) throw new Error('Invalid Events configuration: PROJECTION_SUFFIX');
  const readModels = { activity: `school-activity${suffix}`, calendar: `school-calendar${suffix}` };
  const settings: EventsSettings = { clock: overrides.clock ?? systemClock, readModels };
  const definition: ServiceDefinition = {
    name: 'events',
    source: '/school/events',
    description: 'School calendars and events, registrations and waitlists, and the school activity feed.',
    // The libraries loan contracts too: the activity feed decodes BookBorrowed and BookReturned.
    contracts: [...events.contracts, ...libraries.librariesLoanV1Contracts],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'events'),
    projections: [activityFeedProjection(readModels.activity), calendarProjection(readModels.calendar)],
    unprocessable: UNPROCESSABLE,
    // An event, calendar, venue or registration the caller names but the tenant has not.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [ActivityController, CalendarsController, EventsController],
    providers: [
      { provide: EVENTS_SETTINGS, useValue: settings },
      EventsContext,
      ActivityQueries,
      CalendarQueries,
      CalendarsHandler,
      EventsHandler,
      RegistrationsHandler,
    ],
  })
  class EventsModule {}

  return { definition, module: EventsModule as Type<unknown> };
}
