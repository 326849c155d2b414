import { Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { calendarDecider, eventDecider } from '../domain';
import type { ScheduleEvent, When } from '../domain';
import { found } from './found';
import { bookVenue, releaseVenue } from './venue-bookings';

/** What the organiser says; ids, the calendar's facts and who scheduled it come from elsewhere. */
export type NewEvent = Omit<ScheduleEvent['data'], 'eventId' | 'calendar' | 'scheduledBy'>;

/**
 * An event's life: scheduled as a draft (booking its venue), rescheduled,
 * published (a holiday declares its days), cancelled (freeing the venue) or
 * completed. The event stream is appended last, so the response's consistency
 * token names the event, which the calendar read model can be awaited for.
 */
@Injectable()
export class EventsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async schedule(caller: Principal, calendarId: string, input: NewEvent): Promise<{ eventId: string }> {
    const eventId = this.time.newId(caller, 'event');
    const metadata = { now: this.time.now() };
    await this.commands.transact(
      caller,
      async (tx) => {
        const calendar = await tx.load(calendarDecider, 'calendar', calendarId);
        const { schoolId, kind, timeZone } = found(calendar.state, 'calendar');
        const event = await tx.load(eventDecider, 'event', eventId);
        if (event.version > 0) return; // a replayed Idempotency-Key
        const data = {
          eventId,
          calendar: { calendarId, schoolId, kind, timeZone },
          ...input,
          scheduledBy: caller.userId,
        };
        const scheduled = eventDecider.decide({ type: 'ScheduleEvent', data, metadata }, event.state);
        await bookVenue(tx, { eventId, schoolId, when: input.when }, metadata);
        tx.append(event, scheduled);
      },
      { retries: 3 },
    );
    return { eventId };
  }

  /** A new `when`: the old venue is released if the event moves away from it, the new one booked. */
  async reschedule(caller: Principal, eventId: string, when: When): Promise<void> {
    const metadata = { now: this.time.now() };
    await this.commands.transact(
      caller,
      async (tx) => {
        const event = await tx.load(eventDecider, 'event', eventId);
        const e = found(event.state, 'event');
        const moved = eventDecider.decide({ type: 'RescheduleEvent', data: { when }, metadata }, event.state);
        if (moved.length === 0) return;
        if (e.when.venueId !== when.venueId) await releaseVenue(tx, e.when.venueId, eventId, metadata);
        await bookVenue(tx, { eventId, schoolId: e.schoolId, when }, metadata);
        tx.append(event, moved);
      },
      { retries: 3 },
    );
  }

  async publish(caller: Principal, eventId: string): Promise<void> {
    await this.commands.handle(eventDecider, {
      caller,
      aggregate: 'event',
      id: eventId,
      command: { type: 'PublishEvent', data: {}, metadata: { now: this.time.now() } },
    });
  }

  async cancel(caller: Principal, eventId: string, reason: string): Promise<void> {
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      const event = await tx.load(eventDecider, 'event', eventId);
      const e = found(event.state, 'event');
      const cancelled = eventDecider.decide({ type: 'CancelEvent', data: { reason }, metadata }, event.state);
      await releaseVenue(tx, e.when.venueId, eventId, metadata);
      tx.append(event, cancelled);
    });
  }

  /** Completed once its last occurrence has ended in its calendar's time zone. */
  async complete(caller: Principal, eventId: string): Promise<void> {
    const metadata = { now: this.time.now() };
    await this.commands.transact(caller, async (tx) => {
      const event = await tx.load(eventDecider, 'event', eventId);
      const e = found(event.state, 'event');
      const calendar = await tx.load(calendarDecider, 'calendar', e.calendarId);
      const today = this.time.today(found(calendar.state, 'calendar').timeZone);
      tx.append(event, eventDecider.decide({ type: 'CompleteEvent', data: { today }, metadata }, event.state));
    });
  }
}
