import { Module } from '@nestjs/common';
import { commonOptions, named } from '@hexfleet/platform';
import type { CommonOptions, ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, events, libraries, TOPIC_CATALOG } from '@hexfleet/schemas';
import { ActivityController } from './adapters/in/activity.http.controller';
import { AudienceController } from './adapters/in/audience.http.controller';
import { CalendarsController } from './adapters/in/calendars.http.controller';
import { EventsController } from './adapters/in/events.http.controller';
import { PostgresActivityFeed } from './adapters/out/activity-feed/activity-feed.adapter';
import { activityFeed } from './adapters/out/activity-feed/activity-feed.projection';
import { PostgresAudiences } from './adapters/out/audience/audience.adapter';
import { audience } from './adapters/out/audience/audience.projection';
import { PostgresCalendar } from './adapters/out/calendar/calendar.adapter';
import { calendar } from './adapters/out/calendar/calendar.projection';
import { ACTIVITY_FEED } from './application/activity-feed.port';
import { ActivityQueryHandler } from './application/activity.query-handler';
import { AudienceQueryHandler } from './application/audience.query-handler';
import { AUDIENCES } from './application/audiences.port';
import { CALENDAR } from './application/calendar.port';
import { CalendarQueryHandler } from './application/calendar.query-handler';
import { CalendarsCommandHandler } from './application/calendars.command-handler';
import { EventsCommandHandler } from './application/events.command-handler';
import { EVENTS_SETTINGS } from './application/events-settings';
import type { EventsSettings } from './application/events-settings';
import { RegistrationsCommandHandler } from './application/registrations.command-handler';
import { Viewers } from './application/viewers';

/** What `createEvents` is composed with: the platform's common options (the service reads no variable of its own). */
export type EventsOptions = CommonOptions;

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

/**
 * The Events service: its definition for the platform and its Nest module,
 * built together because the read models' names (which the queries wait on),
 * the clock and the id generator are choices of one composition.
 */
export function createEvents(
  overrides: Partial<EventsOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: EventsOptions = { ...commonOptions('events', env), ...overrides };
  const { clock, ids, projectionSuffix } = options;
  const readModels = named({ activity: activityFeed, audiences: audience, calendar }, projectionSuffix);
  const settings: EventsSettings = {
    readModels: {
      activity: readModels.activity.name,
      audiences: readModels.audiences.name,
      calendar: readModels.calendar.name,
    },
  };
  const definition: ServiceDefinition = {
    name: 'events',
    source: '/school/events',
    description: 'School calendars and events, registrations and waitlists, and the school activity feed.',
    // Libraries' loans for the activity feed; Admin's groups for the audiences' membership.
    contracts: [...events.contracts, ...libraries.librariesLoanV1Contracts, ...admin.adminGroupV1Contracts],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'events'),
    clock,
    ids,
    projections: Object.values(readModels),
    unprocessable: UNPROCESSABLE,
    // An event, calendar, venue or registration the caller names but the tenant has not.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [ActivityController, AudienceController, CalendarsController, EventsController],
    providers: [
      { provide: EVENTS_SETTINGS, useValue: settings },
      { provide: ACTIVITY_FEED, useClass: PostgresActivityFeed },
      { provide: CALENDAR, useClass: PostgresCalendar },
      { provide: AUDIENCES, useClass: PostgresAudiences },
      Viewers,
      ActivityQueryHandler,
      AudienceQueryHandler,
      CalendarQueryHandler,
      CalendarsCommandHandler,
      EventsCommandHandler,
      RegistrationsCommandHandler,
    ],
  })
  class EventsModule {}

  return { definition, module: EventsModule };
}
