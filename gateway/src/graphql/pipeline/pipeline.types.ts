import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

const INSTANT = 'ISO-8601 UTC instant';
const MONEY = 'Minor units of the currency (integer)';

@ObjectType({ description: 'A pipeline (board): a job opening’s recruitment board, or a sales pipeline.' })
export class PipelineSummary {
  @Field(() => ID) pipelineId!: string;
  @Field({ description: 'recruitment or sales' }) kind!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: 'HRMS job opening (recruitment)' }) jobOpeningId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Places to fill (recruitment)' }) places!: number | null;
  @Field(() => Int, { nullable: true, description: 'Places left (recruitment)' }) placesLeft!: number | null;
  @Field(() => String, { nullable: true, description: `When the last place was taken, ${INSTANT}` }) filledAt!:
    string | null;
  @Field({ description: INSTANT }) createdAt!: string;
}

@ObjectType({ description: 'The pipelines of the tenant.' })
export class PipelineList {
  @Field(() => [PipelineSummary]) items!: PipelineSummary[];
}

@ObjectType({ description: 'A card as a board column shows it: a candidate or a deal.' })
export class PipelineBoardCard {
  @Field(() => ID) cardId!: string;
  @Field({ description: 'candidate or deal' }) kind!: string;
  @Field() stageId!: string;
  @Field({ description: 'Fractional rank; a column sorts by (rank, cardId)' }) rank!: string;
  @Field({ description: 'The candidate’s name or the deal’s title' }) title!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Float, { nullable: true, description: MONEY }) amountMinor!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => Int, { description: '0..100 (deals)' }) probability!: number;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String, { nullable: true, description: 'The owner’s display name' }) ownerName!: string | null;
  @Field({ description: 'open, won (hired) or lost (rejected)' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or lost' }) reason!: string | null;
  @Field({ description: INSTANT }) enteredStageAt!: string;
  @Field({ description: INSTANT }) createdAt!: string;
}

@ObjectType({ description: 'A column of a board: a stage and its cards by rank.' })
export class PipelineColumn {
  @Field() stageId!: string;
  @Field() name!: string;
  @Field(() => Int) probability!: number;
  @Field({ description: 'open, won or lost' }) closes!: string;
  @Field(() => [PipelineBoardCard]) cards!: PipelineBoardCard[];
}

@ObjectType({ description: 'A board: its columns in stage order.' })
export class PipelineBoard extends PipelineSummary {
  @Field(() => [PipelineColumn]) columns!: PipelineColumn[];
}

@ObjectType({ description: 'A stay of a card in a stage.' })
export class PipelineStageStay {
  @Field() stageId!: string;
  @Field({ description: INSTANT }) enteredAt!: string;
  @Field(() => String, { nullable: true, description: INSTANT }) leftAt!: string | null;
  @Field(() => Int, { description: 'Seconds in the stage (to now while still there)' }) seconds!: number;
}

@ObjectType({ description: 'A note on a card.' })
export class PipelineNote {
  @Field(() => ID) noteId!: string;
  @Field() text!: string;
  @Field(() => ID) authorId!: string;
  @Field({ description: INSTANT }) addedAt!: string;
}

@ObjectType({ description: 'A call, meeting or task planned on a card.' })
export class PipelineActivity {
  @Field(() => ID) activityId!: string;
  @Field() activityKind!: string;
  @Field() subject!: string;
  @Field({ description: INSTANT }) dueAt!: string;
  @Field(() => String, { nullable: true, description: INSTANT }) completedAt!: string | null;
}

@ObjectType({ description: 'One card with its stage history, notes and activities.' })
export class PipelineCardDetail extends PipelineBoardCard {
  @Field(() => ID) pipelineId!: string;
  @Field(() => [PipelineStageStay]) history!: PipelineStageStay[];
  @Field(() => [PipelineNote]) notes!: PipelineNote[];
  @Field(() => [PipelineActivity]) activities!: PipelineActivity[];
}

@ObjectType({ description: 'A stage of the weighted forecast.' })
export class PipelineForecastStage {
  @Field() stageId!: string;
  @Field() name!: string;
  @Field(() => Int) probability!: number;
  @Field(() => Int) deals!: number;
  @Field(() => Float, { description: MONEY }) amountMinor!: number;
  @Field(() => Float, { description: `Amount x probability, ${MONEY}` }) weightedMinor!: number;
}

@ObjectType({ description: 'Weighted forecast of a sales pipeline, per stage.' })
export class PipelineForecast {
  @Field(() => ID) pipelineId!: string;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => [PipelineForecastStage]) stages!: PipelineForecastStage[];
  @Field(() => Float, { description: MONEY }) totalWeightedMinor!: number;
}

@ObjectType({ description: 'A stage of the funnel.' })
export class PipelineFunnelStage {
  @Field() stageId!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Cards of the period that reached the stage' }) reached!: number;
  @Field(() => Float, { nullable: true, description: 'To the next stage, 0..1' }) conversion!: number | null;
}

@ObjectType({ description: 'Funnel conversion per stage of the cards created in a period.' })
export class PipelineFunnel {
  @Field(() => ID) pipelineId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int) cards!: number;
  @Field(() => [PipelineFunnelStage]) stages!: PipelineFunnelStage[];
}

@ObjectType({ description: 'A hired candidate’s days from application to hire.' })
export class PipelineHire {
  @Field(() => ID) candidateId!: string;
  @Field({ description: INSTANT }) appliedAt!: string;
  @Field({ description: INSTANT }) hiredAt!: string;
  @Field(() => Float) days!: number;
}

@ObjectType({ description: 'Time to hire of a recruitment board.' })
export class PipelineTimeToHire {
  @Field(() => ID) pipelineId!: string;
  @Field(() => Int) hires!: number;
  @Field(() => Float, { nullable: true }) averageDays!: number | null;
  @Field(() => Float, { nullable: true }) medianDays!: number | null;
  @Field(() => [PipelineHire]) candidates!: PipelineHire[];
}

@InputType({ description: 'A stage of a pipeline.' })
export class PipelineStageInput {
  @Field({ description: 'kebab-case, 1 to 40 characters, e.g. screening' }) stageId!: string;
  @Field({ description: '1 to 60 characters' }) name!: string;
  @Field(() => Int, { description: '0..100' }) probability!: number;
  @Field({ description: 'open, won or lost' }) closes!: string;
}

@InputType({ description: 'A sales pipeline: the sales template, or its own stages.' })
export class CreateSalesPipelineInput {
  @Field({ description: '1 to 120 characters' }) name!: string;
  @Field(() => [PipelineStageInput], { nullable: true, description: '3 to 20 stages, one won and one lost' })
  stages?: PipelineStageInput[];
}

@InputType({ description: 'A person applying to a job opening.' })
export class ApplyCandidateInput {
  @Field() firstName!: string;
  @Field({ nullable: true }) lastName?: string;
  @Field() email!: string;
  @Field(() => ID, { nullable: true, description: 'A user of the tenant' }) ownerId?: string;
}

@InputType({ description: 'A deal entering a sales pipeline.' })
export class CreateDealInput {
  @Field() title!: string;
  @Field(() => Float, { description: MONEY }) amountMinor!: number;
  @Field({ description: 'ISO-4217' }) currency!: string;
  @Field(() => Int, { nullable: true, description: '0..100; the stage’s when left out' }) probability?: number;
  @Field({ nullable: true, description: 'An open stage; the first when left out' }) stageId?: string;
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) expectedCloseDate?: string;
}

@InputType({
  description: 'Where a card goes: a stage of its pipeline, between two cards of that column (or at its end).',
})
export class MovePipelineCardInput {
  @Field() stageId!: string;
  @Field(() => ID, { nullable: true }) afterCardId?: string;
  @Field(() => ID, { nullable: true }) beforeCardId?: string;
}

@InputType({
  description: 'Close a card: lost (reason required) rejects a candidate or loses a deal; won wins a deal.',
})
export class ClosePipelineCardInput {
  @Field({ description: 'won or lost' }) outcome!: string;
  @Field({ nullable: true }) reason?: string;
}

@InputType({ description: 'A planned call, meeting or task.' })
export class PipelineActivityInput {
  @Field({ description: 'call, meeting or task' }) activityKind!: string;
  @Field() subject!: string;
  @Field({ description: INSTANT }) dueAt!: string;
}

@InputType({ description: 'Hiring a candidate.' })
export class HireCandidateInput {
  @Field({ description: 'First working day, YYYY-MM-DD' }) joiningDate!: string;
  @Field({ nullable: true, description: 'full-time, part-time, contract or intern' }) employmentType?: string;
}
