import { Inject, Injectable } from '@nestjs/common';
import { Consistency, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { BOARDS } from './boards.port';
import type { Boards } from './boards.port';
import { PIPELINE_SETTINGS } from './pipeline-settings';
import type { PipelineSettings } from './pipeline-settings';

/** Reads of boards, cards and reports, in the caller's tenant; a read sent with a command's consistency token first waits for it. */
@Injectable()
export class BoardsQueryHandler {
  constructor(
    @Inject(PIPELINE_SETTINGS) private readonly settings: PipelineSettings,
    @Inject(BOARDS) private readonly boards: Boards,
    private readonly consistency: Consistency,
    private readonly time: TimeAndIds,
  ) {}

  private async fresh(caller: Principal) {
    await this.consistency.await(this.settings.readModels.boards, caller);
  }

  async pipelines(caller: Principal) {
    await this.fresh(caller);
    return { items: await this.boards.pipelines(caller.tenant) };
  }

  async board(caller: Principal, pipelineId: string) {
    await this.fresh(caller);
    return this.boards.board(caller.tenant, pipelineId);
  }

  async card(caller: Principal, cardId: string) {
    await this.fresh(caller);
    return this.boards.card(caller.tenant, cardId, this.time.now());
  }

  async forecast(caller: Principal, pipelineId: string) {
    await this.fresh(caller);
    return this.boards.forecast(caller.tenant, pipelineId);
  }

  async funnel(caller: Principal, pipelineId: string, from: string, to: string) {
    await this.fresh(caller);
    return this.boards.funnel(caller.tenant, pipelineId, from, to);
  }

  async timeToHire(caller: Principal, pipelineId: string) {
    await this.fresh(caller);
    return this.boards.timeToHire(caller.tenant, pipelineId);
  }
}
