import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Audience, EventType, When } from '../../domain';
import { CalendarQueryHandler } from '../../application/calendar.query-handler';
import { EventsCommandHandler } from '../../application/events.command-handler';
import { ORGANISERS } from '../../application/organisers';
import { RegistrationsCommandHandler } from '../../application/registrations.command-handler';
import { CancelBody, RegisterBody, ScheduleEventBody, WhenBody } from './events.dto';

const NO_REGISTRATION = { required: false, capacity: null, waitlistEnabled: false };
const when = (body: WhenBody): When => ({
  allDay: body.allDay,
  startDate: body.startDate,
  startTime: body.startTime ?? null,
  endDate: body.endDate,
  endTime: body.endTime ?? null,
  recurrence: body.recurrence ? { ...body.recurrence } : null,
  venueId: body.venueId ?? null,
});

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    private readonly events: EventsCommandHandler,
    private readonly registrations: RegistrationsCommandHandler,
    private readonly queries: CalendarQueryHandler,
  ) {}

  @Post('calendars/:calendarId/events')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Schedule a draft event (409 venue-double-booked when its venue is taken)' })
  async schedule(
    @Caller() caller: Principal,
    @UuidParam('calendarId') calendarId: string,
    @Body() body: ScheduleEventBody,
  ) {
    const audience = (body.audience.kind === 'school' ? { kind: 'school', ids: [] } : body.audience) as Audience;
    return this.events.schedule(caller, calendarId, {
      eventType: body.eventType as EventType,
      title: body.title,
      description: body.description ?? '',
      audience,
      when: when(body.when),
      registration: body.registration ?? NO_REGISTRATION,
      reminderMinutesBefore: body.reminderMinutesBefore ?? [],
    });
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'One event with its occurrences and registration counts (published ones, or organisers)' })
  async get(@Caller() caller: Principal, @UuidParam('eventId') eventId: string) {
    return this.queries.event(caller, eventId);
  }

  @Put('events/:eventId/when')
  @HttpCode(204)
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Reschedule (dates, times, recurrence, venue)' })
  async reschedule(@Caller() caller: Principal, @UuidParam('eventId') eventId: string, @Body() body: WhenBody) {
    await this.events.reschedule(caller, eventId, when(body));
  }

  @Post('events/:eventId/publish')
  @HttpCode(204)
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Publish a draft: its audience sees it; a holiday declares its days' })
  async publish(@Caller() caller: Principal, @UuidParam('eventId') eventId: string) {
    await this.events.publish(caller, eventId);
  }

  @Post('events/:eventId/cancel')
  @HttpCode(204)
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Cancel the event and free its venue' })
  async cancel(@Caller() caller: Principal, @UuidParam('eventId') eventId: string, @Body() body: CancelBody) {
    await this.events.cancel(caller, eventId, body.reason);
  }

  @Post('events/:eventId/complete')
  @HttpCode(204)
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Mark a published event completed once its last occurrence has ended' })
  async complete(@Caller() caller: Principal, @UuidParam('eventId') eventId: string) {
    await this.events.complete(caller, eventId);
  }

  @Post('events/:eventId/registrations')
  @ApiOperation({ summary: 'Register (yourself, or someone as organiser); waitlisted when full' })
  async register(@Caller() caller: Principal, @UuidParam('eventId') eventId: string, @Body() body: RegisterBody) {
    return this.registrations.register(caller, eventId, body.participantId);
  }

  @Get('events/:eventId/registrations')
  @ApiOperation({ summary: 'Registrations and waitlist in order (organisers: all; others: their own)' })
  async registrationList(@Caller() caller: Principal, @UuidParam('eventId') eventId: string) {
    return this.queries.registrations(caller, eventId);
  }

  @Delete('events/:eventId/registrations/:registrationId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a registration; the first waitlisted takes the freed place' })
  async cancelRegistration(
    @Caller() caller: Principal,
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
  ) {
    return this.registrations.cancel(caller, eventId, registrationId);
  }
}
