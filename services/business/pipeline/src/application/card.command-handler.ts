import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { cardDecider, ownerDecider, pipelineDecider } from '../domain';
import type { CardCommand, PipelineView, Stage } from '../domain';
import { BOARDS } from './boards.port';
import type { Boards } from './boards.port';
import { rankBetween } from './ranks';
import { candidateIdFor, loadCard, loadPipeline } from './streams';
import type { LoadedCard } from './streams';

/** Where a card goes in its column: after one card and/or before another; neither puts it at the end. */
export interface Placement {
  afterCardId?: string | null;
  beforeCardId?: string | null;
}

export interface Application {
  firstName: string;
  lastName?: string;
  email: string;
  ownerId?: string | null;
}

export interface DealRequest {
  title: string;
  amountMinor: number;
  currency: string;
  probability?: number | null;
  stageId?: string | null;
  ownerId?: string | null;
  expectedCloseDate?: string | null;
}

export interface HireRequest {
  joiningDate: string;
  employmentType?: string;
}

/**
 * The writes of cards (the stage engine, candidates and deals alike). A command
 * loads the card and its pipeline, which passes its stages into the decider; a
 * hire also takes a place on the job's board stream in the same transaction.
 */
@Injectable()
export class CardCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(BOARDS) private readonly boards: Boards,
  ) {}

  async apply(caller: Principal, pipelineId: string, request: Application) {
    const candidateId = candidateIdFor(caller.tenant, pipelineId, request.email ?? '');
    const outcome = await this.commands.transact(caller, async (tx) => {
      const board = await loadPipeline(tx, pipelineId);
      const card = await tx.load(cardDecider, 'candidate', candidateId);
      const ownerId = await this.owner(tx, request.ownerId ?? null);
      const first = board.view.stages.find((s) => s.closes === 'open');
      const rank = await this.endOf(caller, pipelineId, first?.stageId ?? '');
      const jobOpeningId = board.state.status === 'active' && board.state.job ? board.state.job.jobOpeningId : '';
      tx.append(
        card,
        this.decide(
          {
            type: 'ApplyCandidate',
            data: {
              candidateId,
              pipeline: board.view,
              jobOpeningId,
              firstName: request.firstName,
              lastName: request.lastName,
              email: request.email,
              rank,
              ownerId,
            },
          },
          card.state,
        ),
      );
    });
    return { candidateId, outcome: outcome.status };
  }

  async createDeal(caller: Principal, pipelineId: string, request: DealRequest) {
    const dealId = this.time.newId(caller, 'deal');
    const outcome = await this.commands.transact(caller, async (tx) => {
      const board = await loadPipeline(tx, pipelineId);
      const card = await tx.load(cardDecider, 'deal', dealId);
      const ownerId = await this.owner(tx, request.ownerId ?? null);
      const stageId = request.stageId ?? board.view.stages.find((s) => s.closes === 'open')?.stageId ?? '';
      const rank = await this.endOf(caller, pipelineId, stageId);
      tx.append(
        card,
        this.decide(
          {
            type: 'CreateDeal',
            data: {
              dealId,
              pipeline: board.view,
              title: request.title,
              amountMinor: request.amountMinor,
              currency: request.currency,
              probability: request.probability ?? null,
              stageId: request.stageId ?? null,
              rank,
              ownerId,
              expectedCloseDate: request.expectedCloseDate ?? null,
            },
          },
          card.state,
        ),
      );
    });
    return { dealId, outcome: outcome.status };
  }

  /** A move to a stage (or within the column), placed between neighbours read from their own streams. */
  move(caller: Principal, cardId: string, stageId: string, placement: Placement) {
    return this.onCard(caller, cardId, async (tx, card, view) => {
      const rank = await this.place(tx, caller, card, view, stageId, placement);
      return { type: 'MoveCard', data: { pipeline: view, stageId, rank } };
    });
  }

  close(caller: Principal, cardId: string, outcome: 'won' | 'lost', reason: string | null) {
    return this.onCard(caller, cardId, async (_tx, card, view) => ({
      type: 'CloseCard',
      data: {
        pipeline: view,
        outcome,
        reason,
        rank: await this.endOf(caller, card.pipelineId, closing(view, outcome)),
      },
    }));
  }

  reopen(caller: Principal, cardId: string, stageId: string | null) {
    return this.onCard(caller, cardId, async (_tx, card, view) => {
      const target = stageId ?? view.stages.find((s) => s.closes === 'open')?.stageId ?? '';
      return {
        type: 'ReopenCard',
        data: { pipeline: view, stageId, rank: await this.endOf(caller, card.pipelineId, target) },
      };
    });
  }

  setProbability(caller: Principal, cardId: string, probability: number) {
    return this.onCard(caller, cardId, async () => ({ type: 'SetProbability', data: { probability } }));
  }

  assignOwner(caller: Principal, cardId: string, ownerId: string | null) {
    return this.onCard(caller, cardId, async (tx) => {
      const active =
        ownerId === null ? false : (await tx.load(ownerDecider, 'owner', ownerId)).state.status === 'active';
      return { type: 'AssignOwner', data: { ownerId, ownerActive: active } };
    });
  }

  async addNote(caller: Principal, cardId: string, text: string) {
    const noteId = this.time.newId(caller, 'note');
    const result = await this.onCard(caller, cardId, async () => ({
      type: 'AddNote',
      data: { noteId, text, authorId: caller.userId },
    }));
    return { ...result, noteId };
  }

  async scheduleActivity(
    caller: Principal,
    cardId: string,
    request: { activityKind: string; subject: string; dueAt: string },
  ) {
    const activityId = this.time.newId(caller, 'activity');
    const result = await this.onCard(caller, cardId, async () => ({
      type: 'ScheduleActivity',
      data: { activityId, ...request },
    }));
    return { ...result, activityId };
  }

  completeActivity(caller: Principal, cardId: string, activityId: string) {
    return this.onCard(caller, cardId, async () => ({ type: 'CompleteActivity', data: { activityId } }));
  }

  /**
   * Hiring: the candidate's card is closed as hired and the job's board gives up a
   * place, in one transaction at the versions read. Two hires for the last place:
   * one commits, the other re-decides on the board without that place and is refused
   * (`no-places-left`).
   */
  async hire(caller: Principal, candidateId: string, request: HireRequest) {
    const now = this.time.now();
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const card = await loadCard(tx, candidateId);
        if (card.kind !== 'candidate' || card.state.status === 'none')
          throw new DomainError('not-a-candidate', { cardId: candidateId });
        const board = await loadPipeline(tx, card.state.pipelineId);
        const job = board.state.status === 'active' ? board.state.job : null;
        if (!job) throw new DomainError('not-a-recruitment-pipeline', { pipelineId: card.state.pipelineId });
        const rank = await this.endOf(caller, board.view.pipelineId, closing(board.view, 'won'));
        const hired = cardDecider.decide(
          {
            type: 'HireCandidate',
            data: {
              pipeline: board.view,
              joiningDate: request.joiningDate,
              employmentType: request.employmentType ?? 'full-time',
              department: job.department,
              designation: job.designation,
              rank,
            },
            metadata: { now },
          },
          card.state,
        );
        tx.append(card, hired);
        tx.append(
          board,
          pipelineDecider.decide(
            { type: 'TakePlace', data: { candidateId, hiredBy: caller.userId }, metadata: { now } },
            board.state,
          ),
        );
      },
      { retries: 3 },
    );
    return { candidateId, outcome: outcome.status };
  }

  private async onCard(
    caller: Principal,
    cardId: string,
    command: (
      tx: StreamTransaction,
      card: { pipelineId: string; stageId: string; kind: string },
      view: PipelineView,
    ) => Promise<Omit<CardCommand, 'metadata'>>,
  ) {
    const outcome = await this.commands.transact(caller, async (tx) => {
      const card = await loadCard(tx, cardId);
      if (card.state.status === 'none') throw new DomainError('card-not-found', { cardId });
      const board = await loadPipeline(tx, card.state.pipelineId);
      const decided = await command(tx, card.state, board.view);
      tx.append(card, this.decide(decided, card.state));
    });
    return { cardId, outcome: outcome.status };
  }

  private decide(command: Omit<CardCommand, 'metadata'>, state: LoadedCard['state']) {
    return cardDecider.decide({ ...command, metadata: { now: this.time.now() } } as CardCommand, state);
  }

  private async owner(tx: StreamTransaction, ownerId: string | null): Promise<string | null> {
    if (ownerId === null) return null;
    const owner = await tx.load(ownerDecider, 'owner', ownerId);
    if (owner.state.status !== 'active') throw new DomainError('owner-not-a-user', { field: 'ownerId', ownerId });
    return ownerId;
  }

  private async endOf(caller: Principal, pipelineId: string, stageId: string): Promise<string> {
    return rankBetween(await this.boards.lastRank(caller.tenant, pipelineId, stageId), null);
  }

  /** The neighbours are read from their streams (not the board, which may lag): they must be open cards of the target column. */
  private async place(
    tx: StreamTransaction,
    caller: Principal,
    card: { pipelineId: string },
    view: PipelineView,
    stageId: string,
    { afterCardId, beforeCardId }: Placement,
  ): Promise<string> {
    if (!afterCardId && !beforeCardId) return this.endOf(caller, card.pipelineId, stageId);
    const rankOf = async (id: string | null | undefined, field: string) => {
      if (!id) return null;
      const neighbour = await loadCard(tx, id).catch(() => undefined);
      const state = neighbour?.state;
      if (!state || state.status === 'none' || state.pipelineId !== view.pipelineId || state.stageId !== stageId)
        throw new DomainError('invalid-placement', { field, cardId: id, stageId });
      return state.rank;
    };
    return rankBetween(await rankOf(afterCardId, 'afterCardId'), await rankOf(beforeCardId, 'beforeCardId'));
  }
}

function closing(view: PipelineView, outcome: Stage['closes']): string {
  return view.stages.find((s) => s.closes === outcome)?.stageId ?? '';
}
