import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs, Paged } from '../common/pages';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { segment } from '../common/paths';

@ObjectType({ description: 'A delivery of notifications, as its read model lists it.' })
export class NotificationsDelivery {
  @Field(() => ID) deliveryId!: string;
  @Field() name!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) renamedAt!: string | null;
}

export const NotificationsDeliveryPage = Paged(NotificationsDelivery);

@InputType({ description: 'The name of a delivery (1 to 200 characters).' })
export class NotificationsDeliveryNameInput {
  @Field() name!: string;
}

/** Notifications through the gateway: one field per REST operation of the service. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => NotificationsDeliveryPage, {
    description: 'The deliveries of notifications, by name, a page at a time.',
  })
  @Fronts('notifications', 'GET /deliveries')
  notificationsDeliveries(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<NotificationsDelivery>(context, 'notifications', '/deliveries', page);
  }

  @Query(() => NotificationsDelivery, { nullable: true, description: 'One delivery; null when there is none.' })
  @Fronts('notifications', 'GET /deliveries/{id}')
  notificationsDelivery(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<NotificationsDelivery>(context, 'notifications', `/deliveries/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Create a delivery.' })
  @Fronts('notifications', 'POST /deliveries')
  async createNotificationsDelivery(
    @Context() context: GqlContext,
    @Args('input') input: NotificationsDeliveryNameInput,
  ): Promise<CommandResult> {
    const reply = await this.rest.send<{ deliveryId: string }>(context, 'notifications', 'POST', '/deliveries', {
      ...input,
    });
    return { id: reply.body.deliveryId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Give a delivery another name.' })
  @Fronts('notifications', 'POST /deliveries/{id}/rename')
  renameNotificationsDelivery(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: NotificationsDeliveryNameInput,
  ) {
    return this.rest.accept(context, 'notifications', 'POST', `/deliveries/${segment(id)}/rename`, { ...input });
  }
}
