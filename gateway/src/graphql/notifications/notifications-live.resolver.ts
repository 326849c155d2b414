import { Context, Int, Resolver, Subscription } from '@nestjs/graphql';
import { eventTypeOf } from '@hexfleet/schemas';
import { callerOf } from '../common/context';
import { Rest } from '../common/rest';
import { tenantChannel } from '../live/live-views';
import type { LiveContext, LivePayload } from '../live/live-views';

/** The events that become notices (services/shared/notifications): one of them wakes the badge early. */
const NOTICE_EVENTS = new Set([
  'LeaveRequested',
  'LeaveApproved',
  'LeaveRejected',
  'PayrollRunFinalized',
  'HoldReadyForPickup',
  'LoanOverdue',
  'FineAssessed',
]);
/** The longest the badge waits between two reads: the service writes an entry a moment after its event. */
const READ_EVERY_MS = 2000;

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

/**
 * The live badge: my unread count, sent at once and then whenever it changes. Notifications
 * publishes no event of its own (ADR 0078), so the gateway re-reads the count through the service
 * at most every 2 s, and sooner when an event that becomes a notice reaches the tenant's live feed.
 */
@Resolver()
export class NotificationsLiveResolver {
  constructor(private readonly rest: Rest) {}

  @Subscription(() => Int, {
    description: 'My unread notices: the count at once, then each change (the live badge).',
    resolve: (payload: { notificationsUnread: number }) => payload.notificationsUnread,
  })
  notificationsUnread(@Context() context: LiveContext) {
    return this.badge(context);
  }

  private async *badge(context: LiveContext) {
    const caller = callerOf(context);
    const feed = (await context.pubsub.subscribe(tenantChannel(caller.tenant))) as AsyncIterable<LivePayload>;
    const live = feed[Symbol.asyncIterator]();
    let next = live.next();
    let last = -1;
    try {
      for (;;) {
        const { unread } = await this.rest.get<{ unread: number }>(context, 'notifications', '/inbox/unread-count');
        if (unread !== last) yield { notificationsUnread: (last = unread) };
        const until = Date.now() + READ_EVERY_MS;
        // Wait for the next read: the time, or a notice's event (others pass by without a read).
        for (let left = READ_EVERY_MS; left > 0; left = until - Date.now()) {
          const woke = await Promise.race([next, sleep(left)]);
          if (!woke) break;
          if (woke.done) return;
          next = live.next();
          if (NOTICE_EVENTS.has(eventTypeOf(woke.value.domainEvents.type))) {
            // The service writes the entry a moment after the event: read soon, not at once.
            await sleep(300);
            break;
          }
        }
      }
    } finally {
      await live.return?.();
    }
  }
}
