import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarDate } from '@hexfleet/kernel';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { EVENT_TYPES } from '../../domain';
import { CalendarQueryHandler } from '../../application/calendar.query-handler';
import { CalendarsCommandHandler } from '../../application/calendars.command-handler';
import { ORGANISERS } from '../../application/organisers';
import { CreateCalendarBody, HolidaysQuery, MonthQueryDto, RegisterVenueBody } from './events.dto';

@ApiTags('calendars')
@ApiBearerAuth()
@Controller()
export class CalendarsController {
  constructor(
    private readonly calendars: CalendarsCommandHandler,
    private readonly queries: CalendarQueryHandler,
  ) {}

  @Post('calendars')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: "Create the school's calendar or a group's" })
  async create(@Caller() caller: Principal, @Body() body: CreateCalendarBody) {
    return this.calendars.createCalendar(caller, { ...body, groupId: body.groupId ?? null });
  }

  @Post('venues')
  @Roles(...ORGANISERS)
  @ApiOperation({ summary: 'Register a bookable venue of a school (hall, ground, lab)' })
  async registerVenue(@Caller() caller: Principal, @Body() body: RegisterVenueBody) {
    return this.calendars.registerVenue(caller, body.schoolId, body.name);
  }

  @Get('event-types')
  @ApiOperation({ summary: 'The types an event can have' })
  eventTypes() {
    return EVENT_TYPES;
  }

  @Get('schools/:schoolId/calendars')
  @ApiOperation({ summary: "The school's calendars" })
  async list(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.calendars(caller, schoolId);
  }

  @Get('schools/:schoolId/venues')
  @ApiOperation({ summary: "The school's venues and their bookings" })
  async venues(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.venues(caller, schoolId);
  }

  @Get('schools/:schoolId/calendar')
  @ApiOperation({ summary: 'One month of the school calendar, optionally for one calendar or one group' })
  async month(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: MonthQueryDto) {
    return this.queries.month(caller, schoolId, query);
  }

  @Get('schools/:schoolId/holidays')
  @ApiOperation({ summary: 'Declared holidays of the school, optionally between two days' })
  async holidays(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Query() query: HolidaysQuery) {
    const from = query.from === undefined ? undefined : CalendarDate.parse(query.from, 'from');
    const to = query.to === undefined ? undefined : CalendarDate.parse(query.to, 'to');
    return this.queries.holidays(caller, schoolId, from, to);
  }
}
