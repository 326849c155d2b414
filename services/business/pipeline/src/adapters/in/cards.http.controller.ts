import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';
import { BoardsQueryHandler } from '../../application/boards.query-handler';
import { CardCommandHandler } from '../../application/card.command-handler';
import {
  ActivityBody,
  ActivityParam,
  CloseBody,
  HireBody,
  MoveBody,
  NoteBody,
  OwnerBody,
  ProbabilityBody,
  ReopenBody,
} from './pipeline.dto';

/** Card work is any business user's (ADR 0066): recruiters and salespeople are employees; hiring is HR's. */
const WRITERS: Role[] = ['employee', 'manager', 'hr', 'tenant-admin'];

/** Cards (candidates and deals): one stage engine moves both. */
@ApiTags('cards')
@ApiBearerAuth()
@Controller('cards')
export class CardsController {
  constructor(
    private readonly commands: CardCommandHandler,
    private readonly queries: BoardsQueryHandler,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'One card: its stage history with time in stage, notes and activities' })
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const card = await this.queries.card(caller, id);
    if (!card) throw new NotFoundException(`no card ${id}`);
    return card;
  }

  @Post(':id/move')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary:
      'Move to an open stage of its pipeline, between two cards (or at the end); 422 for a stage of another pipeline, 409 when closed',
  })
  move(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: MoveBody) {
    return this.commands.move(caller, id, body.stageId, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Reject a candidate or lose a deal (a reason is required), or win a deal' })
  close(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: CloseBody) {
    return this.commands.close(caller, id, body.outcome, body.reason ?? null);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Reopen a closed card into an open stage; only then does it move again (a hire is final)' })
  reopen(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ReopenBody) {
    return this.commands.reopen(caller, id, body.stageId ?? null);
  }

  @Post(':id/probability')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Set a deal's probability, 0..100" })
  probability(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ProbabilityBody) {
    return this.commands.setProbability(caller, id, body.probability);
  }

  @Post(':id/owner')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Give the card an owner, one of the tenant's active users (or none)" })
  owner(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: OwnerBody) {
    return this.commands.assignOwner(caller, id, body.ownerId ?? null);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Write a note on the card' })
  note(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: NoteBody) {
    return this.commands.addNote(caller, id, body.text);
  }

  @Post(':id/activities')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Plan a call, meeting or task on the card, due at a time' })
  activity(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: ActivityBody) {
    return this.commands.scheduleActivity(caller, id, body);
  }

  @Post(':id/activities/:activityId/complete')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Mark a planned activity done' })
  complete(@Caller() caller: Principal, @Param() { id, activityId }: ActivityParam) {
    return this.commands.completeActivity(caller, id, activityId);
  }

  @Post(':id/hire')
  @HttpCode(200)
  @Roles('hr', 'tenant-admin')
  @ApiOperation({
    summary: "Hire the candidate: takes one of the job's places (409 no-places-left); HRMS then creates the employee",
  })
  hire(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: HireBody) {
    return this.commands.hire(caller, id, body);
  }
}
