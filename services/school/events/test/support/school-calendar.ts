import { randomUUID } from 'node:crypto';
import { call } from './events-harness';
import type { EventsHarness, Reply } from './events-harness';

/** Fails with the problem's body, which says why, instead of a bare status mismatch. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

export const timed = (date: string, startTime: string, endTime: string, venueId: string | null = null) => ({
  allDay: false,
  startDate: date,
  startTime,
  endDate: date,
  endTime,
  recurrence: null,
  venueId,
});

/** A school's calendar as an organiser sets it up through the API: one calendar, venues, events. */
export class SchoolCalendar {
  calendarId = '';

  constructor(
    private readonly service: EventsHarness,
    readonly token: string,
    readonly schoolId: string = randomUUID(),
  ) {}

  call(method: string, path: string, body?: unknown, token = this.token): Promise<Reply> {
    return call(this.service.url, method, path, { token, body });
  }

  async create(timeZone = 'Asia/Kolkata'): Promise<this> {
    const body = { schoolId: this.schoolId, kind: 'school', name: 'School calendar', timeZone };
    this.calendarId = String(expectStatus(await this.call('POST', '/calendars', body), 201).body.calendarId);
    return this;
  }

  async venue(name: string): Promise<string> {
    const reply = await this.call('POST', '/venues', { schoolId: this.schoolId, name });
    return String(expectStatus(reply, 201).body.venueId);
  }

  schedule(event: Record<string, unknown>): Promise<Reply> {
    const body = { eventType: 'assembly', title: 'Event', audience: { kind: 'school', ids: [] }, ...event };
    return this.call('POST', `/calendars/${this.calendarId}/events`, body);
  }

  /** Scheduled and published: the event id and the publication's consistency token. */
  async published(event: Record<string, unknown>): Promise<{ eventId: string; token: string }> {
    const eventId = String(expectStatus(await this.schedule(event), 201).body.eventId);
    const published = expectStatus(await this.call('POST', `/events/${eventId}/publish`), 204);
    return { eventId, token: published.headers.get('x-consistency-token') ?? '' };
  }
}
