import { Args, Context, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs, Paged } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';

@ObjectType({ description: 'One notice in my in-app inbox.' })
export class NotificationsInboxItem {
  @Field(() => ID) itemId!: string;
  @Field({ description: 'What it is about, e.g. leave-approved, hold-ready' }) kind!: string;
  @Field({ description: 'leave, payroll or library' }) category!: string;
  @Field() subject!: string;
  @Field({ description: 'Plain text' }) body!: string;
  @Field({ description: 'When it happened, ISO-8601 UTC instant' }) at!: string;
  @Field(() => String, { nullable: true, description: 'When I read it; null while unread' }) readAt!: string | null;
}

@ObjectType({ description: 'A page of my inbox, with how many entries are unread.' })
export class NotificationsInbox extends Paged(NotificationsInboxItem, 'NotificationsInboxItemPage') {
  @Field(() => Int, { description: 'Unread entries in the whole inbox (the badge)' }) unread!: number;
}

@ObjectType({ description: 'An inbox entry marked read.' })
export class NotificationsInboxRead {
  @Field(() => ID) itemId!: string;
  @Field({ description: 'ISO-8601 UTC instant (the first reading)' }) readAt!: string;
}

@ObjectType({ description: 'A notice to one recipient on one channel, as the tenant admin sees it.' })
export class NotificationsDelivery {
  @Field(() => ID) deliveryId!: string;
  @Field(() => ID, { description: 'The event it came from' }) eventId!: string;
  @Field({ description: 'employee:<id>, manager-of:<employee id> or patron:<id>' }) recipient!: string;
  @Field({ description: 'email or in-app' }) channel!: string;
  @Field() kind!: string;
  @Field({ description: 'pending, sent, parked (after its last attempt) or skipped (nobody to tell)' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) userId!: string | null;
  @Field({ description: 'When the event happened, ISO-8601 UTC instant' }) at!: string;
  @Field(() => String, { nullable: true }) sentAt!: string | null;
  @Field(() => String, { nullable: true }) parkedAt!: string | null;
  @Field(() => String, { nullable: true }) nextAttemptAt!: string | null;
}

export const NotificationsDeliveryPage = Paged(NotificationsDelivery);

@ObjectType({ description: 'A parked delivery put back in the queue.' })
export class NotificationsRetried {
  @Field(() => ID) deliveryId!: string;
  @Field() status!: string;
}

/** Notifications through the gateway: one field per REST operation of the service. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => NotificationsInbox, { description: 'My in-app notices, newest first, with the unread count.' })
  @Fronts('notifications', 'GET /inbox')
  async notificationsInbox(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('unread', { nullable: true, description: 'Only the unread entries' }) unread?: boolean,
  ) {
    const filters = unread === undefined ? {} : { unread: String(unread) };
    const [items, counts] = await Promise.all([
      this.rest.page<NotificationsInboxItem>(context, 'notifications', '/inbox', page, filters),
      this.rest.get<{ unread: number }>(context, 'notifications', '/inbox/unread-count'),
    ]);
    return { ...items, unread: counts.unread };
  }

  @Query(() => Int, { description: 'How many of my notices are unread (the badge).' })
  @Fronts('notifications', 'GET /inbox/unread-count')
  async notificationsUnreadCount(@Context() context: GqlContext) {
    return (await this.rest.get<{ unread: number }>(context, 'notifications', '/inbox/unread-count')).unread;
  }

  @Mutation(() => NotificationsInboxRead, { description: 'Mark one of my notices read.' })
  @Fronts('notifications', 'POST /inbox/{id}/read')
  async markNotificationRead(@Context() context: GqlContext, @Args('itemId', { type: () => ID }) itemId: string) {
    const path = `/inbox/${segment(itemId)}/read`;
    return (await this.rest.send<NotificationsInboxRead>(context, 'notifications', 'POST', path)).body;
  }

  @Mutation(() => Int, { description: 'Mark every notice of mine read; answers how many were unread.' })
  @Fronts('notifications', 'POST /inbox/read-all')
  async markAllNotificationsRead(@Context() context: GqlContext) {
    return (await this.rest.send<{ marked: number }>(context, 'notifications', 'POST', '/inbox/read-all')).body.marked;
  }

  @Query(() => NotificationsDeliveryPage, {
    description: "The tenant's deliveries, newest first (tenant admins); status: parked lists the ones to retry.",
  })
  @Fronts('notifications', 'GET /deliveries')
  notificationsDeliveries(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('status', { nullable: true, description: 'pending, sent, parked or skipped' }) status?: string,
  ) {
    return this.rest.page<NotificationsDelivery>(context, 'notifications', '/deliveries', page, { status });
  }

  @Mutation(() => NotificationsRetried, { description: 'Send a parked delivery again (tenant admins).' })
  @Fronts('notifications', 'POST /deliveries/{id}/retry')
  async retryNotificationsDelivery(
    @Context() context: GqlContext,
    @Args('deliveryId', { type: () => ID }) deliveryId: string,
  ) {
    const path = `/deliveries/${segment(deliveryId)}/retry`;
    return (await this.rest.send<NotificationsRetried>(context, 'notifications', 'POST', path)).body;
  }
}
