import { Args, Context, ID, Int, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ConsistencyToken } from '@hexfleet/eventing';
import { eventTypeOf } from '@hexfleet/schemas';
import type { LiveEvent } from '../../live-feed';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { tenantChannel } from '../live/live-views';
import type { LiveContext, LivePayload } from '../live/live-views';
import { ChatChannelEvent, ChatPresence, ChatTyping } from './chat.types';

const TOPIC = 'chat.channel.v1';
const ACTIVITY = 'chat.activity.v1';
/** Events per read of the replay. */
const PAGE = 200;
/** A gap the read model cannot fill yet is read again after this long, up to GAP_GIVE_UP_MS. */
const GAP_RETRY_MS = 250;
const GAP_GIVE_UP_MS = 30_000;

/** A live event as the replay shows the same event: the short type, the payload, the time it names. */
function fromLive(channelId: string, event: LiveEvent): ChatChannelEvent {
  const data = JSON.parse(event.data) as Record<string, unknown>;
  const at = Object.entries(data).find(([key]) => key.endsWith('At'))?.[1];
  return {
    channelId,
    position: event.streamVersion,
    type: event.type.slice(event.type.lastIndexOf('.') + 1),
    data: event.data,
    at: typeof at === 'string' ? at : event.time,
  };
}

/**
 * A channel's events live, resumable (ADR 0058). The subscription first listens to the tenant's
 * live feed (every gateway replica reads Kafka itself, so a post through any replica reaches a
 * subscriber on any other), then replays from chat's read model what the client missed after
 * `after`, then passes on live events: positions are the channel stream's versions, so an
 * event at or before the last one sent is a duplicate (skipped) and one beyond the next is a gap
 * (read from the read model, waiting for it with a consistency token, before it is sent). The
 * service decides who may read the channel: its 404 ends the subscription with an error.
 */
@Resolver(() => ChatChannelEvent)
export class ChatLiveResolver {
  constructor(private readonly rest: Rest) {}

  @Subscription(() => ChatChannelEvent, {
    description:
      "A channel's events in position order: first those after `after` (what a reconnecting client missed, from " +
      'the read model), then live, with no gap and no duplicate. Ends when the caller leaves the channel.',
    resolve: (payload: { channelEvents: ChatChannelEvent }) => payload.channelEvents,
  })
  channelEvents(
    @Context() context: LiveContext,
    @Args('channelId', { type: () => ID }) channelId: string,
    @Args('after', { type: () => Int, nullable: true, description: 'The last position the client has (0: all)' })
    after?: number,
    @Args('consistencyToken', {
      type: () => String,
      nullable: true,
      description: "A write's token (creating the channel, say): the replay waits until the read model has it",
    })
    consistencyToken?: string,
  ) {
    return this.feed(context, channelId, after ?? 0, consistencyToken);
  }

  @Subscription(() => ChatTyping, {
    description: 'Who is typing in a channel, live (ephemeral: nothing is replayed). Members of the channel only.',
    resolve: (payload: { chatTyping: ChatTyping }) => payload.chatTyping,
  })
  chatTyping(@Context() context: LiveContext, @Args('channelId', { type: () => ID }) channelId: string) {
    return this.activity(context, 'UserTyping', async () => {
      // The service decides who may see the channel: its 404 ends the subscription with an error.
      await this.rest.get(context, 'chat', `/channels/${segment(channelId)}`);
      return (data: ChatTyping) => (data.channelId === channelId ? { chatTyping: data } : undefined);
    });
  }

  @Subscription(() => ChatPresence, {
    description: "Presence changes of the caller's tenant, live (ephemeral: nothing is replayed).",
    resolve: (payload: { chatPresence: ChatPresence }) => payload.chatPresence,
  })
  chatPresence(@Context() context: LiveContext) {
    return this.activity(context, 'PresenceChanged', () =>
      Promise.resolve((data: ChatPresence) => ({ chatPresence: data })),
    );
  }

  /** Ephemeral activity of one type from the tenant's live feed, mapped (or dropped) by `select`. */
  private async *activity<T, P>(context: LiveContext, type: string, start: () => Promise<(data: T) => P | undefined>) {
    const caller = callerOf(context);
    const live = (await context.pubsub.subscribe(tenantChannel(caller.tenant))) as AsyncIterableIterator<LivePayload>;
    try {
      const select = await start();
      for await (const { domainEvents: event } of live) {
        if (event.topic !== ACTIVITY || eventTypeOf(event.type) !== type) continue;
        const payload = select(JSON.parse(event.data) as T);
        if (payload) yield payload;
      }
    } finally {
      await live.return?.();
    }
  }

  private async *feed(context: LiveContext, channelId: string, after: number, consistencyToken?: string) {
    const caller = callerOf(context);
    const live = (await context.pubsub.subscribe(tenantChannel(caller.tenant))) as AsyncIterableIterator<LivePayload>;
    try {
      let last = after;
      // Listening first, reading second: what happens during the replay waits in the queue.
      for (const event of await this.since(context, channelId, last, consistencyToken)) {
        yield { channelEvents: event };
        last = event.position;
      }
      const stream = `${caller.tenant}/channel/${channelId}`;
      for await (const { domainEvents: event } of live) {
        if (event.topic !== TOPIC || event.streamId !== stream || event.streamVersion <= last) continue;
        // A gap: filled from the read model, waiting for it with the live event's token. The wait is
        // bounded, so a read model behind (its projection moving to another chat replica after a
        // crash) may answer short: read again until the gap is closed; never send past it.
        const upTo = ConsistencyToken.encode({
          eventId: event.id,
          streamKey: event.streamId,
          version: event.streamVersion,
          topic: event.topic,
        });
        for (let attempt = 0, since = Date.now(); event.streamVersion > last + 1; attempt++) {
          if (attempt > 0 && Date.now() - since > GAP_GIVE_UP_MS) {
            // The client resubscribes with the last position it has: nothing is lost, only late.
            throw new GraphQLError(`channel events after position ${last} are not readable yet`, {
              extensions: { code: 'unavailable', status: 503 },
            });
          }
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, GAP_RETRY_MS));
          // An overloaded chat (5xx, an upstream timeout) is read again too, rather than ending the
          // subscription: a thousand clients resubscribing at once would only add to its load.
          const page = await this.since(context, channelId, last, upTo).catch((error: unknown) => {
            const status = error instanceof GraphQLError ? Number(error.extensions.status) : NaN;
            if (status >= 400 && status < 500) throw error;
            return [];
          });
          for (const missed of page) {
            if (missed.position >= event.streamVersion) break;
            if (missed.position !== last + 1) break;
            yield { channelEvents: missed };
            last = missed.position;
          }
        }
        const item = fromLive(channelId, event);
        yield { channelEvents: item };
        last = item.position;
        if (item.type === 'MemberRemoved' && (JSON.parse(item.data) as { userId: string }).userId === caller.userId) {
          return;
        }
      }
    } finally {
      await live.return?.();
    }
  }

  /** The channel's events after a position from the read model; with a consistency token, once it has that write. */
  private async since(context: GqlContext, channelId: string, after: number, consistencyToken?: string) {
    const asOf: GqlContext =
      consistencyToken && context.caller
        ? { ...context, caller: { ...context.caller, consistencyToken }, freshness: new Set() }
        : context;
    const events: ChatChannelEvent[] = [];
    for (let from = after; ;) {
      const path = withQuery(`/channels/${segment(channelId)}/events`, { after: from, limit: PAGE });
      const page = await this.rest.get<ChatChannelEvent[]>(asOf, 'chat', path);
      events.push(...page);
      if (page.length < PAGE) return events;
      from = page[page.length - 1].position;
    }
  }
}
