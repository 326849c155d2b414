import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import { pipelineDecider } from '../domain';
import type { CreatePipeline, Stage } from '../domain';
import { BOARDS } from './boards.port';
import type { Boards } from './boards.port';

/** Pipelines (boards): sales pipelines by request, a job opening's recruitment board from HRMS's approval. */
@Injectable()
export class PipelineCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(BOARDS) private readonly boards: Boards,
  ) {}

  async createSales(caller: Principal, request: { name: string; stages?: Stage[] | null }) {
    const pipelineId = this.time.newId(caller, 'pipeline');
    const command: CreatePipeline = {
      type: 'CreatePipeline',
      data: { pipelineId, kind: 'sales', name: request.name, stages: request.stages ?? null },
      metadata: { now: this.time.now() },
    };
    const outcome = await this.commands.handle(pipelineDecider, {
      caller,
      aggregate: 'pipeline',
      id: pipelineId,
      command,
    });
    return { pipelineId, outcome: outcome.status };
  }

  /** Stages renamed, reordered, added, or removed when empty (the board says which hold cards). */
  async configure(caller: Principal, pipelineId: string, stages: Stage[]) {
    const occupied = await this.boards.occupiedStages(caller.tenant, pipelineId);
    const outcome = await this.commands.handle(pipelineDecider, {
      caller,
      aggregate: 'pipeline',
      id: pipelineId,
      command: { type: 'ConfigureStages', data: { stages, occupied }, metadata: { now: this.time.now() } },
    });
    return { pipelineId, outcome: outcome.status };
  }

  /** HRMS approved a job opening: its recruitment board opens, with its places (the board's id is the opening's). */
  async jobOpeningApproved(policy: { name: string }, event: ConsumedEvent<hrms.JobOpeningApproved>) {
    const job = event.data;
    const now = this.time.now();
    await this.commands.react(policy, event, async (tx) => {
      const board = await tx.load(pipelineDecider, 'pipeline', job.jobOpeningId);
      if (board.state.status !== 'none') return;
      tx.append(
        board,
        pipelineDecider.decide(
          {
            type: 'CreatePipeline',
            data: {
              pipelineId: job.jobOpeningId,
              kind: 'recruitment',
              name: job.title,
              stages: null,
              jobOpeningId: job.jobOpeningId,
              places: job.positions,
              department: job.department,
              designation: job.designation,
            },
            metadata: { now },
          },
          board.state,
        ),
      );
    });
  }
}
