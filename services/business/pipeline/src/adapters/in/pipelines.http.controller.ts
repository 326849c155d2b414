import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { BoardsQueryHandler } from '../../application/boards.query-handler';
import { CardCommandHandler } from '../../application/card.command-handler';
import { PipelineCommandHandler } from '../../application/pipeline.command-handler';
import { ApplyBody, CreatePipelineBody, DealBody, FunnelQuery, StagesBody } from './pipeline.dto';

const found = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new NotFoundException(`no ${what}`);
  return value;
};

/** Pipelines (boards) and their reports; a job opening's recruitment board comes from HRMS's approval. */
@ApiTags('pipelines')
@ApiBearerAuth()
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly pipelines: PipelineCommandHandler,
    private readonly cards: CardCommandHandler,
    private readonly queries: BoardsQueryHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The pipelines: recruitment boards (one per approved job opening) and sales pipelines' })
  list(@Caller() caller: Principal) {
    return this.queries.pipelines(caller);
  }

  @Post()
  @HttpCode(201)
  @Roles('manager', 'hr', 'tenant-admin')
  @ApiOperation({ summary: 'Create a sales pipeline, from the sales template or with its own stages' })
  create(@Caller() caller: Principal, @Body() body: CreatePipelineBody) {
    return this.pipelines.createSales(caller, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The board: its columns in stage order, each with its cards by rank' })
  async board(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return found(await this.queries.board(caller, id), `pipeline ${id}`);
  }

  @Put(':id/stages')
  @Roles('manager', 'hr', 'tenant-admin')
  @ApiOperation({ summary: 'Configure the stages: rename, reorder, add, remove an empty one (422 stage-has-cards)' })
  stages(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: StagesBody) {
    return this.pipelines.configure(caller, id, body.stages);
  }

  @Post(':id/candidates')
  @HttpCode(201)
  @Roles('employee', 'manager', 'hr', 'tenant-admin')
  @ApiOperation({ summary: 'A person applies to the job (409 candidate-already-applied the second time)' })
  apply(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ApplyBody) {
    return this.cards.apply(caller, id, body);
  }

  @Post(':id/deals')
  @HttpCode(201)
  @Roles('employee', 'manager', 'hr', 'tenant-admin')
  @ApiOperation({ summary: 'A deal enters the sales pipeline' })
  deal(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: DealBody) {
    return this.cards.createDeal(caller, id, body);
  }

  @Get(':id/forecast')
  @ApiOperation({ summary: 'Weighted forecast: per stage, open deals, amount and amount x probability' })
  async forecast(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return found(await this.queries.forecast(caller, id), `pipeline ${id}`);
  }

  @Get(':id/funnel')
  @ApiOperation({ summary: 'Funnel conversion per stage of the cards created in a period' })
  async funnel(@Caller() caller: Principal, @Param() { id }: IdParam, @Query() query: FunnelQuery) {
    return found(await this.queries.funnel(caller, id, query.from, query.to), `pipeline ${id}`);
  }

  @Get(':id/time-to-hire')
  @ApiOperation({ summary: 'Days from application to hire, per hired candidate, average and median' })
  async timeToHire(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return found(await this.queries.timeToHire(caller, id), `pipeline ${id}`);
  }
}
