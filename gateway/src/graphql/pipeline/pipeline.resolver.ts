import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import {
  ApplyCandidateInput,
  ClosePipelineCardInput,
  CreateDealInput,
  CreateSalesPipelineInput,
  HireCandidateInput,
  MovePipelineCardInput,
  PipelineActivityInput,
  PipelineBoard,
  PipelineCardDetail,
  PipelineForecast,
  PipelineFunnel,
  PipelineList,
  PipelineStageInput,
  PipelineTimeToHire,
} from './pipeline.types';

const pipelinePath = (id: string, rest = '') => `/pipelines/${segment(id)}${rest}`;
const cardPath = (id: string, rest = '') => `/cards/${segment(id)}${rest}`;
const ID_ARG = { type: () => ID };

/** Pipeline through the gateway: one field per REST operation of the service. */
@Resolver()
export class PipelineResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => PipelineList, { description: 'The pipelines: recruitment boards and sales pipelines.' })
  @Fronts('pipeline', 'GET /pipelines')
  pipelines(@Context() context: GqlContext) {
    return this.rest.get<PipelineList>(context, 'pipeline', '/pipelines');
  }

  @Query(() => PipelineBoard, { nullable: true, description: 'A board: columns in stage order, cards by rank.' })
  @Fronts('pipeline', 'GET /pipelines/{id}')
  pipelineBoard(@Context() context: GqlContext, @Args('id', ID_ARG) id: string) {
    return this.rest.find<PipelineBoard>(context, 'pipeline', pipelinePath(id));
  }

  @Query(() => PipelineForecast, { nullable: true, description: 'Weighted forecast (amount x probability) per stage.' })
  @Fronts('pipeline', 'GET /pipelines/{id}/forecast')
  pipelineForecast(@Context() context: GqlContext, @Args('id', ID_ARG) id: string) {
    return this.rest.find<PipelineForecast>(context, 'pipeline', pipelinePath(id, '/forecast'));
  }

  @Query(() => PipelineFunnel, {
    nullable: true,
    description: 'Funnel conversion per stage for cards created in [from, to).',
  })
  @Fronts('pipeline', 'GET /pipelines/{id}/funnel')
  pipelineFunnel(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('from', { description: 'YYYY-MM-DD, inclusive' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, exclusive' }) to: string,
  ) {
    const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return this.rest.find<PipelineFunnel>(context, 'pipeline', pipelinePath(id, `/funnel${query}`));
  }

  @Query(() => PipelineTimeToHire, {
    nullable: true,
    description: 'Days from application to hire on a recruitment board.',
  })
  @Fronts('pipeline', 'GET /pipelines/{id}/time-to-hire')
  pipelineTimeToHire(@Context() context: GqlContext, @Args('id', ID_ARG) id: string) {
    return this.rest.find<PipelineTimeToHire>(context, 'pipeline', pipelinePath(id, '/time-to-hire'));
  }

  @Query(() => PipelineCardDetail, {
    nullable: true,
    description: 'One card: stage history with time in stage, notes, activities.',
  })
  @Fronts('pipeline', 'GET /cards/{id}')
  pipelineCard(@Context() context: GqlContext, @Args('id', ID_ARG) id: string) {
    return this.rest.find<PipelineCardDetail>(context, 'pipeline', cardPath(id));
  }

  @Mutation(() => CommandResult, { description: 'Create a sales pipeline.' })
  @Fronts('pipeline', 'POST /pipelines')
  async createSalesPipeline(@Context() context: GqlContext, @Args('input') input: CreateSalesPipelineInput) {
    const reply = await this.rest.send<{ pipelineId: string }>(context, 'pipeline', 'POST', '/pipelines', { ...input });
    return { id: reply.body.pipelineId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Configure a pipeline’s stages.' })
  @Fronts('pipeline', 'PUT /pipelines/{id}/stages')
  configurePipelineStages(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('stages', { type: () => [PipelineStageInput] }) stages: PipelineStageInput[],
  ) {
    return this.rest.accept(context, 'pipeline', 'PUT', pipelinePath(id, '/stages'), { stages });
  }

  @Mutation(() => CommandResult, { description: 'A person applies to the job (once per job).' })
  @Fronts('pipeline', 'POST /pipelines/{id}/candidates')
  async applyCandidate(
    @Context() context: GqlContext,
    @Args('pipelineId', ID_ARG) pipelineId: string,
    @Args('input') input: ApplyCandidateInput,
  ) {
    const reply = await this.rest.send<{ candidateId: string }>(
      context,
      'pipeline',
      'POST',
      pipelinePath(pipelineId, '/candidates'),
      { ...input },
    );
    return { id: reply.body.candidateId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, { description: 'A deal enters a sales pipeline.' })
  @Fronts('pipeline', 'POST /pipelines/{id}/deals')
  async createDeal(
    @Context() context: GqlContext,
    @Args('pipelineId', ID_ARG) pipelineId: string,
    @Args('input') input: CreateDealInput,
  ) {
    const reply = await this.rest.send<{ dealId: string }>(
      context,
      'pipeline',
      'POST',
      pipelinePath(pipelineId, '/deals'),
      {
        ...input,
      },
    );
    return { id: reply.body.dealId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Move a card to a stage of its pipeline, between two cards.' })
  @Fronts('pipeline', 'POST /cards/{id}/move')
  movePipelineCard(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('input') input: MovePipelineCardInput,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/move'), { ...input });
  }

  @Mutation(() => Accepted, { description: 'Reject a candidate, win or lose a deal.' })
  @Fronts('pipeline', 'POST /cards/{id}/close')
  closePipelineCard(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('input') input: ClosePipelineCardInput,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/close'), { ...input });
  }

  @Mutation(() => Accepted, { description: 'Reopen a closed card into an open stage.' })
  @Fronts('pipeline', 'POST /cards/{id}/reopen')
  reopenPipelineCard(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('stageId', { nullable: true, type: () => String }) stageId?: string | null,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/reopen'), stageId ? { stageId } : {});
  }

  @Mutation(() => Accepted, { description: 'Set a deal’s probability (0..100).' })
  @Fronts('pipeline', 'POST /cards/{id}/probability')
  setDealProbability(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('probability', { type: () => Int }) probability: number,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/probability'), { probability });
  }

  @Mutation(() => Accepted, { description: 'Give a card an owner (a user of the tenant), or none.' })
  @Fronts('pipeline', 'POST /cards/{id}/owner')
  assignPipelineCardOwner(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('ownerId', { nullable: true, type: () => ID }) ownerId?: string | null,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/owner'), ownerId ? { ownerId } : {});
  }

  @Mutation(() => CommandResult, { description: 'Write a note on a card.' })
  @Fronts('pipeline', 'POST /cards/{id}/notes')
  async addPipelineCardNote(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('text') text: string,
  ) {
    const reply = await this.rest.send<{ noteId: string }>(context, 'pipeline', 'POST', cardPath(id, '/notes'), {
      text,
    });
    return { id: reply.body.noteId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => CommandResult, { description: 'Plan a call, meeting or task on a card.' })
  @Fronts('pipeline', 'POST /cards/{id}/activities')
  async schedulePipelineCardActivity(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('input') input: PipelineActivityInput,
  ) {
    const reply = await this.rest.send<{ activityId: string }>(
      context,
      'pipeline',
      'POST',
      cardPath(id, '/activities'),
      {
        ...input,
      },
    );
    return { id: reply.body.activityId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Mark a planned activity done.' })
  @Fronts('pipeline', 'POST /cards/{id}/activities/{activityId}/complete')
  completePipelineCardActivity(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('activityId', ID_ARG) activityId: string,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, `/activities/${segment(activityId)}/complete`));
  }

  @Mutation(() => Accepted, { description: 'Hire a candidate: takes a place of the job; HRMS creates the employee.' })
  @Fronts('pipeline', 'POST /cards/{id}/hire')
  hireCandidate(
    @Context() context: GqlContext,
    @Args('id', ID_ARG) id: string,
    @Args('input') input: HireCandidateInput,
  ) {
    return this.rest.accept(context, 'pipeline', 'POST', cardPath(id, '/hire'), { ...input });
  }
}
