import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs, Paged } from '../common/pages';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { segment } from '../common/paths';

@ObjectType({ description: 'A card of pipeline, as its read model lists it.' })
export class PipelineCard {
  @Field(() => ID) cardId!: string;
  @Field() name!: string;
  @Field({ description: 'ISO-8601 UTC instant' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO-8601 UTC instant' }) renamedAt!: string | null;
}

export const PipelineCardPage = Paged(PipelineCard);

@InputType({ description: 'The name of a card (1 to 200 characters).' })
export class PipelineCardNameInput {
  @Field() name!: string;
}

/** Pipeline through the gateway: one field per REST operation of the service. */
@Resolver()
export class PipelineResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => PipelineCardPage, { description: 'The cards of pipeline, by name, a page at a time.' })
  @Fronts('pipeline', 'GET /cards')
  pipelineCards(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<PipelineCard>(context, 'pipeline', '/cards', page);
  }

  @Query(() => PipelineCard, { nullable: true, description: 'One card; null when there is none.' })
  @Fronts('pipeline', 'GET /cards/{id}')
  pipelineCard(@Context() context: GqlContext, @Args('id', { type: () => ID }) id: string) {
    return this.rest.find<PipelineCard>(context, 'pipeline', `/cards/${segment(id)}`);
  }

  @Mutation(() => CommandResult, { description: 'Create a card.' })
  @Fronts('pipeline', 'POST /cards')
  async createPipelineCard(
    @Context() context: GqlContext,
    @Args('input') input: PipelineCardNameInput,
  ): Promise<CommandResult> {
    const reply = await this.rest.send<{ cardId: string }>(context, 'pipeline', 'POST', '/cards', { ...input });
    return { id: reply.body.cardId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Give a card another name.' })
  @Fronts('pipeline', 'POST /cards/{id}/rename')
  renamePipelineCard(
    @Context() context: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PipelineCardNameInput,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', `/cards/${segment(id)}/rename`, { ...input });
  }
}
