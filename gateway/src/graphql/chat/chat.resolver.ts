import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs, Paged } from '../common/pages';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { segment } from '../common/paths';

@ObjectType({ description: 'A channel of chat, as its read model lists it.' })
export class ChatChannel {
  @Field(() => ID) channelId!: string;
  @Field() name!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) renamedAt!: string | null;
}

export const ChatChannelPage = Paged(ChatChannel);

@InputType({ description: 'The name of a channel (1 to 200 characters).' })
export class ChatChannelNameInput {
  @Field() name!: string;
}

/** Chat through the gateway: one field per REST operation of the service. */
@Resolver()
export class ChatResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => ChatChannelPage, { description: 'The channels of chat, by name, a page at a time.' })
  @Fronts('chat', 'GET /channels')
  chatChannels(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<ChatChannel>(context, 'chat', '/channels', page);
  }

  @Query(() => ChatChannel, { nullable: true, description: 'One channel; null when there is none.' })
  @Fronts('chat', 'GET /channels/{id}')
  chatChannel(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<ChatChannel>(context, 'chat', `/channels/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Create a channel.' })
  @Fronts('chat', 'POST /channels')
  async createChatChannel(
    @Context() context: GqlContext,
    @Args('input') input: ChatChannelNameInput,
  ): Promise<CommandResult> {
    const reply = await this.rest.send<{ channelId: string }>(context, 'chat', 'POST', '/channels', { ...input });
    return { id: reply.body.channelId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Give a channel another name.' })
  @Fronts('chat', 'POST /channels/{id}/rename')
  renameChatChannel(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ChatChannelNameInput,
  ) {
    return this.rest.accept(context, 'chat', 'POST', `/channels/${segment(id)}/rename`, { ...input });
  }
}
