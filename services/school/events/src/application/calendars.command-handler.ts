import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { calendarDecider, venueDecider } from '../domain';

export interface NewCalendar {
  schoolId: string;
  kind: 'school' | 'group';
  groupId: string | null;
  name: string;
  timeZone: string;
}

/** The school's calendars (one for the school, one per group that wants one) and its bookable venues. */
@Injectable()
export class CalendarsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async createCalendar(caller: Principal, input: NewCalendar): Promise<{ calendarId: string }> {
    const calendarId = this.time.newId(caller, 'calendar');
    await this.commands.handle(calendarDecider, {
      caller,
      aggregate: 'calendar',
      id: calendarId,
      command: { type: 'CreateCalendar', data: { calendarId, ...input }, metadata: { now: this.time.now() } },
    });
    return { calendarId };
  }

  async registerVenue(caller: Principal, schoolId: string, name: string): Promise<{ venueId: string }> {
    const venueId = this.time.newId(caller, 'venue');
    await this.commands.handle(venueDecider, {
      caller,
      aggregate: 'venue',
      id: venueId,
      command: { type: 'RegisterVenue', data: { venueId, schoolId, name }, metadata: { now: this.time.now() } },
    });
    return { venueId };
  }
}
