import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { pipeline } from '@hexfleet/schemas';
import type { Command } from './command';
import { closingStage, firstOpenStage, requireProbability, requireRank, stageOf } from './stages';
import type { PipelineView, Stage } from './stages';

/**
 * The one stage engine: a card is a candidate (stream `<tenant>/candidate/<id>`) or a
 * deal (`<tenant>/deal/<id>`); the same rules move both, and each kind speaks its own
 * events (pipeline.candidate.v1, pipeline.deal.v1; notes, activities and owners on
 * pipeline.card-work.v1).
 */
export type CardEvent =
  pipeline.PipelineCandidateV1Event | pipeline.PipelineDealV1Event | pipeline.PipelineCardWorkV1Event;
export type CardKind = 'candidate' | 'deal';

export type ApplyCandidate = Command<
  'ApplyCandidate',
  {
    candidateId: string;
    pipeline: PipelineView;
    jobOpeningId: string;
    firstName: string;
    lastName?: string;
    email: string;
    rank: string;
    ownerId: string | null;
  }
>;
export type CreateDeal = Command<
  'CreateDeal',
  {
    dealId: string;
    pipeline: PipelineView;
    title: string;
    amountMinor: number;
    currency: string;
    /** null: the stage's probability. */
    probability: number | null;
    /** null: the first open stage. */
    stageId: string | null;
    rank: string;
    ownerId: string | null;
    expectedCloseDate: string | null;
  }
>;
export type MoveCard = Command<'MoveCard', { pipeline: PipelineView; stageId: string; rank: string }>;
export type HireCandidate = Command<
  'HireCandidate',
  {
    pipeline: PipelineView;
    joiningDate: string;
    employmentType: string;
    department: string;
    designation: string;
    rank: string;
  }
>;
/** Reject a candidate or lose a deal (`lost`), win a deal (`won`): a reason is required for `lost`. */
export type CloseCard = Command<
  'CloseCard',
  { pipeline: PipelineView; outcome: 'won' | 'lost'; reason: string | null; rank: string }
>;
export type ReopenCard = Command<'ReopenCard', { pipeline: PipelineView; stageId: string | null; rank: string }>;
export type SetProbability = Command<'SetProbability', { probability: number }>;
/** `ownerId` null unassigns; otherwise `ownerActive` says whether the tenant's user may own cards. */
export type AssignOwner = Command<'AssignOwner', { ownerId: string | null; ownerActive: boolean }>;
export type AddNote = Command<'AddNote', { noteId: string; text: string; authorId: string }>;
export type ScheduleActivity = Command<
  'ScheduleActivity',
  { activityId: string; activityKind: string; subject: string; dueAt: string }
>;
export type CompleteActivity = Command<'CompleteActivity', { activityId: string }>;
export type CardCommand =
  | ApplyCandidate
  | CreateDeal
  | MoveCard
  | HireCandidate
  | CloseCard
  | ReopenCard
  | SetProbability
  | AssignOwner
  | AddNote
  | ScheduleActivity
  | CompleteActivity;

export interface Card {
  kind: CardKind;
  cardId: string;
  pipelineId: string;
  stageId: string;
  rank: string;
  /** open, or closed as won (hired) or lost (rejected); a closed card moves only after a reopen. */
  closed: 'won' | 'lost' | null;
  probability: number;
  ownerId: string | null;
  activities: Record<string, { done: boolean }>;
  person: { firstName: string; lastName: string; email: string; jobOpeningId: string } | null;
  money: { amountMinor: number; currency: string } | null;
}
export type CardState = { status: 'none' } | ({ status: 'active' } & Card);

export const MAX_TEXT = { title: 200, note: 2000, subject: 200, reason: 500, name: 100 };
export const ACTIVITY_KINDS = ['call', 'meeting', 'task'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

function text(value: string | null | undefined, field: string, max: number, code = 'invalid-text'): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed || trimmed.length > max) throw new DomainError(code, { field, maxLength: max });
  return trimmed;
}

function instant(value: string, field: string): string {
  if (!value || Number.isNaN(Date.parse(value)) || !value.includes('T'))
    throw new DomainError('invalid-instant', { field, value });
  return new Date(value).toISOString();
}

function card(state: CardState): Card {
  if (state.status === 'none') throw new DomainError('card-not-found');
  return state;
}

/** The card's pipeline is the one the command brings, and the stage is one of its open stages. */
function openStageOf(c: Card, view: PipelineView, stageId: string): Stage {
  if (view.pipelineId !== c.pipelineId)
    throw new DomainError('stage-not-in-pipeline', { field: 'stageId', stageId, pipelineId: c.pipelineId });
  const stage = stageOf(view, stageId);
  if (stage.closes !== 'open')
    throw new DomainError('stage-closes-card', { field: 'stageId', stageId, closes: stage.closes });
  return stage;
}

function mustBeOpen(c: Card) {
  if (c.closed) throw new DomainError('card-closed', { cardId: c.cardId, stageId: c.stageId, reopenFirst: true });
}

function apply({ data, metadata }: ApplyCandidate, state: CardState): CardEvent[] {
  if (state.status !== 'none')
    throw new DomainError('candidate-already-applied', {
      candidateId: data.candidateId,
      pipelineId: data.pipeline.pipelineId,
    });
  if (data.pipeline.kind !== 'recruitment')
    throw new DomainError('wrong-pipeline-kind', { field: 'pipelineId', expected: 'recruitment' });
  const email = (data.email ?? '').trim().toLowerCase();
  if (!EMAIL.test(email)) throw new DomainError('invalid-email', { field: 'email' });
  return [
    pipeline.candidateApplied({
      candidateId: data.candidateId,
      pipelineId: data.pipeline.pipelineId,
      jobOpeningId: data.jobOpeningId,
      firstName: text(data.firstName, 'firstName', MAX_TEXT.name),
      lastName: (data.lastName ?? '').trim(),
      email,
      stageId: firstOpenStage(data.pipeline).stageId,
      rank: requireRank(data.rank),
      ownerId: data.ownerId,
      appliedAt: metadata.now,
    }),
  ];
}

function createDeal({ data, metadata }: CreateDeal, state: CardState): CardEvent[] {
  if (state.status !== 'none') throw new DomainError('deal-already-exists', { dealId: data.dealId });
  const view = data.pipeline;
  if (view.kind !== 'sales') throw new DomainError('wrong-pipeline-kind', { field: 'pipelineId', expected: 'sales' });
  const stage = data.stageId === null ? firstOpenStage(view) : stageOf(view, data.stageId);
  if (stage.closes !== 'open')
    throw new DomainError('stage-closes-card', { field: 'stageId', stageId: stage.stageId, closes: stage.closes });
  if (!Number.isSafeInteger(data.amountMinor) || data.amountMinor < 0)
    throw new DomainError('invalid-amount', { field: 'amountMinor', min: 0 });
  if (!CURRENCY.test(data.currency ?? '')) throw new DomainError('invalid-currency', { field: 'currency' });
  if (data.expectedCloseDate !== null && !DATE.test(data.expectedCloseDate))
    throw new DomainError('invalid-date', { field: 'expectedCloseDate' });
  return [
    pipeline.dealCreated({
      dealId: data.dealId,
      pipelineId: view.pipelineId,
      title: text(data.title, 'title', MAX_TEXT.title),
      amountMinor: data.amountMinor,
      currency: data.currency,
      probability: data.probability === null ? stage.probability : requireProbability(data.probability),
      stageId: stage.stageId,
      rank: requireRank(data.rank),
      ownerId: data.ownerId,
      expectedCloseDate: data.expectedCloseDate,
      createdAt: metadata.now,
    }),
  ];
}

function move({ data, metadata }: MoveCard, state: CardState): CardEvent[] {
  const c = card(state);
  mustBeOpen(c);
  const stage = openStageOf(c, data.pipeline, data.stageId);
  const rank = requireRank(data.rank);
  if (stage.stageId === c.stageId && rank === c.rank) return [];
  const common = {
    pipelineId: c.pipelineId,
    fromStageId: c.stageId,
    toStageId: stage.stageId,
    rank,
    changedAt: metadata.now,
  };
  if (c.kind === 'candidate') return [pipeline.candidateStageChanged({ candidateId: c.cardId, ...common })];
  // A deal takes its new stage's probability; a reorder in its column keeps the one it has.
  const probability = stage.stageId === c.stageId ? c.probability : stage.probability;
  return [pipeline.dealStageChanged({ dealId: c.cardId, ...common, probability })];
}

function hire({ data, metadata }: HireCandidate, state: CardState): CardEvent[] {
  const c = card(state);
  if (c.kind !== 'candidate' || !c.person) throw new DomainError('not-a-candidate', { cardId: c.cardId });
  if (c.closed === 'won') throw new DomainError('candidate-already-hired', { candidateId: c.cardId });
  mustBeOpen(c);
  if (data.pipeline.pipelineId !== c.pipelineId)
    throw new DomainError('stage-not-in-pipeline', { field: 'pipelineId' });
  if (!DATE.test(data.joiningDate ?? '')) throw new DomainError('invalid-date', { field: 'joiningDate' });
  const hired = closingStage(data.pipeline, 'won');
  return [
    pipeline.candidateHired({
      candidateId: c.cardId,
      pipelineId: c.pipelineId,
      jobOpeningId: c.person.jobOpeningId,
      firstName: c.person.firstName,
      lastName: c.person.lastName,
      email: c.person.email,
      joiningDate: data.joiningDate,
      department: data.department,
      designation: data.designation,
      employmentType: text(data.employmentType, 'employmentType', 40),
      fromStageId: c.stageId,
      stageId: hired.stageId,
      rank: requireRank(data.rank),
      hiredAt: metadata.now,
    }),
  ];
}

function close({ data, metadata }: CloseCard, state: CardState): CardEvent[] {
  const c = card(state);
  mustBeOpen(c);
  if (data.pipeline.pipelineId !== c.pipelineId)
    throw new DomainError('stage-not-in-pipeline', { field: 'pipelineId' });
  if (c.kind === 'candidate' && data.outcome === 'won')
    throw new DomainError('hire-through-hiring', { candidateId: c.cardId });
  const stage = closingStage(data.pipeline, data.outcome);
  const rank = requireRank(data.rank);
  const base = { pipelineId: c.pipelineId, fromStageId: c.stageId, stageId: stage.stageId, rank };
  if (data.outcome === 'won')
    return [
      pipeline.dealWon({
        dealId: c.cardId,
        ...base,
        ...(c.money ?? { amountMinor: 0, currency: 'XXX' }),
        wonAt: metadata.now,
      }),
    ];
  const reason = text(data.reason, 'reason', MAX_TEXT.reason, 'reason-required');
  return c.kind === 'candidate'
    ? [pipeline.candidateRejected({ candidateId: c.cardId, ...base, reason, rejectedAt: metadata.now })]
    : [pipeline.dealLost({ dealId: c.cardId, ...base, reason, lostAt: metadata.now })];
}

function reopen({ data, metadata }: ReopenCard, state: CardState): CardEvent[] {
  const c = card(state);
  if (!c.closed) throw new DomainError('card-not-closed', { cardId: c.cardId });
  if (c.kind === 'candidate' && c.closed === 'won') throw new DomainError('hired-is-final', { candidateId: c.cardId });
  const stage = openStageOf(c, data.pipeline, data.stageId ?? firstOpenStage(data.pipeline).stageId);
  const base = {
    pipelineId: c.pipelineId,
    fromStageId: c.stageId,
    stageId: stage.stageId,
    rank: requireRank(data.rank),
  };
  return c.kind === 'candidate'
    ? [pipeline.candidateReopened({ candidateId: c.cardId, ...base, reopenedAt: metadata.now })]
    : [pipeline.dealReopened({ dealId: c.cardId, ...base, probability: stage.probability, reopenedAt: metadata.now })];
}

function setProbability({ data, metadata }: SetProbability, state: CardState): CardEvent[] {
  const c = card(state);
  if (c.kind !== 'deal') throw new DomainError('probability-is-for-deals', { field: 'probability' });
  mustBeOpen(c);
  const probability = requireProbability(data.probability);
  if (probability === c.probability) return [];
  return [
    pipeline.dealProbabilitySet({ dealId: c.cardId, pipelineId: c.pipelineId, probability, setAt: metadata.now }),
  ];
}

function work(c: Card) {
  return { cardId: c.cardId, pipelineId: c.pipelineId, cardKind: c.kind };
}

function assignOwner({ data, metadata }: AssignOwner, state: CardState): CardEvent[] {
  const c = card(state);
  if (data.ownerId !== null && !data.ownerActive)
    throw new DomainError('owner-not-a-user', { field: 'ownerId', ownerId: data.ownerId });
  if (data.ownerId === c.ownerId) return [];
  return [pipeline.cardOwnerAssigned({ ...work(c), ownerId: data.ownerId, assignedAt: metadata.now })];
}

function decide(command: CardCommand, state: CardState): CardEvent[] {
  switch (command.type) {
    case 'ApplyCandidate':
      return apply(command, state);
    case 'CreateDeal':
      return createDeal(command, state);
    case 'MoveCard':
      return move(command, state);
    case 'HireCandidate':
      return hire(command, state);
    case 'CloseCard':
      return close(command, state);
    case 'ReopenCard':
      return reopen(command, state);
    case 'SetProbability':
      return setProbability(command, state);
    case 'AssignOwner':
      return assignOwner(command, state);
    case 'AddNote': {
      const c = card(state);
      const { noteId, authorId } = command.data;
      const note = text(command.data.text, 'text', MAX_TEXT.note);
      return [pipeline.cardNoteAdded({ ...work(c), noteId, text: note, authorId, addedAt: command.metadata.now })];
    }
    case 'ScheduleActivity': {
      const c = card(state);
      const { activityId, activityKind } = command.data;
      if (!ACTIVITY_KINDS.includes(activityKind))
        throw new DomainError('invalid-activity-kind', { field: 'activityKind', allowed: ACTIVITY_KINDS });
      return [
        pipeline.cardActivityScheduled({
          ...work(c),
          activityId,
          activityKind,
          subject: text(command.data.subject, 'subject', MAX_TEXT.subject),
          dueAt: instant(command.data.dueAt, 'dueAt'),
          scheduledAt: command.metadata.now,
        }),
      ];
    }
    case 'CompleteActivity': {
      const c = card(state);
      const activity = c.activities[command.data.activityId];
      if (!activity) throw new DomainError('activity-not-found', { activityId: command.data.activityId });
      if (activity.done) return [];
      return [
        pipeline.cardActivityCompleted({
          ...work(c),
          activityId: command.data.activityId,
          completedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: CardState, event: CardEvent): CardState {
  if (event.type === 'CandidateApplied') {
    const d = event.data;
    return {
      status: 'active',
      kind: 'candidate',
      cardId: d.candidateId,
      pipelineId: d.pipelineId,
      stageId: d.stageId,
      rank: d.rank,
      closed: null,
      probability: 0,
      ownerId: d.ownerId,
      activities: {},
      person: { firstName: d.firstName, lastName: d.lastName, email: d.email, jobOpeningId: d.jobOpeningId },
      money: null,
    };
  }
  if (event.type === 'DealCreated') {
    const d = event.data;
    return {
      status: 'active',
      kind: 'deal',
      cardId: d.dealId,
      pipelineId: d.pipelineId,
      stageId: d.stageId,
      rank: d.rank,
      closed: null,
      probability: d.probability,
      ownerId: d.ownerId,
      activities: {},
      person: null,
      money: { amountMinor: d.amountMinor, currency: d.currency },
    };
  }
  return state.status === 'none' ? state : evolveActive(state, event);
}

function evolveActive(state: CardState & { status: 'active' }, event: CardEvent): CardState {
  switch (event.type) {
    case 'CandidateStageChanged':
    case 'DealStageChanged':
      return {
        ...state,
        stageId: event.data.toStageId,
        rank: event.data.rank,
        probability: event.type === 'DealStageChanged' ? event.data.probability : state.probability,
      };
    case 'CandidateHired':
    case 'DealWon':
      return {
        ...state,
        stageId: event.data.stageId,
        rank: event.data.rank,
        closed: 'won',
        probability: state.kind === 'deal' ? 100 : 0,
      };
    case 'CandidateRejected':
    case 'DealLost':
      return { ...state, stageId: event.data.stageId, rank: event.data.rank, closed: 'lost', probability: 0 };
    case 'CandidateReopened':
      return { ...state, stageId: event.data.stageId, rank: event.data.rank, closed: null };
    case 'DealReopened':
      return {
        ...state,
        stageId: event.data.stageId,
        rank: event.data.rank,
        closed: null,
        probability: event.data.probability,
      };
    case 'DealProbabilitySet':
      return { ...state, probability: event.data.probability };
    case 'CardOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'CardActivityScheduled':
      return { ...state, activities: { ...state.activities, [event.data.activityId]: { done: false } } };
    case 'CardActivityCompleted':
      return { ...state, activities: { ...state.activities, [event.data.activityId]: { done: true } } };
    case 'CardNoteAdded':
      return state;
    case 'CandidateApplied':
    case 'DealCreated':
      return state;
    default:
      return assertNever(event);
  }
}

export const cardDecider: Decider<CardCommand, CardEvent, CardState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
