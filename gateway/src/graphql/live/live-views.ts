import { Injectable } from '@nestjs/common';
import type { PubSub } from 'mercurius';
import { ConsistencyToken } from '@hexfleet/eventing';
import type { ModuleName } from '../../config';
import type { LiveEvent } from '../../live-feed';
import type { CallerContext } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { Rest } from '../common/rest';

/** What the live feed publishes on a tenant's channel: one event. */
export interface LivePayload {
  domainEvents: LiveEvent;
}

/** The context of a subscription: the connection's caller and Mercurius's pubsub. */
export type LiveContext = GqlContext & { pubsub: PubSub };

/** The pubsub topic of one tenant's events: a subscriber can only ever listen to its own. */
export const tenantChannel = (tenant: string) => `live:${tenant}`;

/** Which read model a subscription follows, and how to read the row an event changed. */
export interface LiveViewSpec<V, A = Record<string, unknown>> {
  module: ModuleName;
  /** The topics whose events change this view. */
  topics: readonly string[];
  /** The REST path of the row the event changed (its `subject` is the aggregate id). */
  path: (event: LiveEvent) => string;
  /** The subscription's own filter on the row (its arguments), e.g. one patron's loans. */
  where?: (view: V, args: A) => boolean;
}

/**
 * Subscriptions to read-model changes. The live feed says that an event
 * happened; a screen wants the row as it is now. So for each subscriber, an
 * event on one of the view's topics is followed by a read of the row it changed,
 * as that subscriber (their token: the service's own rights and tenant rules
 * decide what they may see, and a row they may not see is simply not sent),
 * with a consistency token made from the event, so the read waits until the
 * read model has applied it. The row read in the filter is what the resolver sends.
 */
@Injectable()
export class LiveViews {
  private readonly rows = new WeakMap<LiveEvent, WeakMap<CallerContext, unknown>>();

  constructor(private readonly rest: Rest) {}

  /** The subscribe function: the caller's tenant's channel. */
  subscribe(context: LiveContext) {
    return context.pubsub.subscribe(tenantChannel(callerOf(context).tenant));
  }

  /** The filter: whether this subscriber gets this event's row (and, if so, the row is read). */
  async visible<V, A>(spec: LiveViewSpec<V, A>, payload: LivePayload, args: A, context: LiveContext): Promise<boolean> {
    const event = payload.domainEvents;
    if (!spec.topics.includes(event.topic) || !context.caller) return false;
    const consistencyToken = ConsistencyToken.encode({
      eventId: event.id,
      streamKey: event.streamId,
      version: event.streamVersion,
      topic: event.topic,
    });
    const asOfEvent: GqlContext = {
      ...context,
      caller: { ...context.caller, consistencyToken },
      freshness: new Set(),
    };
    const row = await this.rest.find<V>(asOfEvent, spec.module, spec.path(event)).catch(() => null);
    if (row === null || (spec.where && !spec.where(row, args))) return false;
    const seen = this.rows.get(event) ?? new WeakMap<CallerContext, unknown>();
    seen.set(context.caller, row);
    this.rows.set(event, seen);
    return true;
  }

  /**
   * The resolver: the row the filter read for this subscriber. A subscription's loaders live as
   * long as its connection, so they are emptied first: the linked records a row shows (its
   * employee, its title) are read as they are now, not as they were at the first delivery.
   */
  rowOf<V>(payload: LivePayload, context: LiveContext): V {
    for (const loader of Object.values(context.loaders ?? {})) loader.clearAll();
    return this.rows.get(payload.domainEvents)?.get(context.caller as CallerContext) as V;
  }
}
