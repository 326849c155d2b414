import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, newId } from '@hexfleet/platform';
import { calendarDecider, venueDecider } from '../domain';
import { EventsContext } from './events-settings';

export interface NewCalendar {
  schoolId: string;
  kind: 'school' | 'group';
  groupId: string | null;
  name: string;
  timeZone: string;
}

/** The school's calendars (one for the school, one per group that wants one) and its bookable venues. */
@Injectable()
export class CalendarsHandler {
  constructor(
    private readonly commands: Commands,
    private readonly context: EventsContext,
  ) {}

  async createCalendar(caller: Principal, input: NewCalendar): Promise<{ calendarId: string }> {
    const calendarId = newId(caller, 'calendar');
    await this.commands.handle(calendarDecider, {
      caller,
      aggregate: 'calendar',
      id: calendarId,
      command: { type: 'CreateCalendar', data: { calendarId, ...input }, metadata: { now: this.context.now() } },
    });
    return { calendarId };
  }

  async registerVenue(caller: Principal, schoolId: string, name: string): Promise<{ venueId: string }> {
    const venueId = newId(caller, 'venue');
    await this.commands.handle(venueDecider, {
      caller,
      aggregate: 'venue',
      id: venueId,
      command: { type: 'RegisterVenue', data: { venueId, schoolId, name }, metadata: { now: this.context.now() } },
    });
    return { venueId };
  }
}
