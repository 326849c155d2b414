import type { TenantId } from '@hexfleet/kernel';

/** A card as a board column shows it. */
export interface BoardCard {
  cardId: string;
  kind: 'candidate' | 'deal';
  stageId: string;
  rank: string;
  title: string;
  email: string | null;
  amountMinor: number | null;
  currency: string | null;
  probability: number;
  ownerId: string | null;
  /** The owner's display name, from identity. */
  ownerName: string | null;
  status: 'open' | 'won' | 'lost';
  reason: string | null;
  /** ISO-8601 UTC instant the card entered its stage. */
  enteredStageAt: string;
  createdAt: string;
}

export interface BoardColumn {
  stageId: string;
  name: string;
  probability: number;
  closes: 'open' | 'won' | 'lost';
  /** By (rank, cardId), byte order: two cards given one rank at once keep an order. */
  cards: BoardCard[];
}

export interface PipelineSummary {
  pipelineId: string;
  kind: 'recruitment' | 'sales';
  name: string;
  jobOpeningId: string | null;
  places: number | null;
  placesLeft: number | null;
  filledAt: string | null;
  createdAt: string;
}

export interface Board extends PipelineSummary {
  columns: BoardColumn[];
}

export interface StageStay {
  stageId: string;
  enteredAt: string;
  leftAt: string | null;
  /** Seconds in the stage: to leftAt, or to now while it is still there. */
  seconds: number;
}

export interface CardNote {
  noteId: string;
  text: string;
  authorId: string;
  addedAt: string;
}

export interface CardActivity {
  activityId: string;
  activityKind: string;
  subject: string;
  dueAt: string;
  completedAt: string | null;
}

export interface CardDetail extends BoardCard {
  pipelineId: string;
  history: StageStay[];
  notes: CardNote[];
  activities: CardActivity[];
}

export interface ForecastRow {
  stageId: string;
  name: string;
  probability: number;
  deals: number;
  amountMinor: number;
  /** Sum over the stage's deals of amount x probability / 100, rounded down per deal. */
  weightedMinor: number;
}

export interface Forecast {
  pipelineId: string;
  currency: string | null;
  stages: ForecastRow[];
  totalWeightedMinor: number;
}

export interface FunnelRow {
  stageId: string;
  name: string;
  /** Cards created in the period that reached this stage (or one after it, or won). */
  reached: number;
  /** reached of the next open stage (or won) / reached here, 0..1; null for the last. */
  conversion: number | null;
}

export interface Funnel {
  pipelineId: string;
  from: string;
  to: string;
  cards: number;
  stages: FunnelRow[];
}

export interface TimeToHire {
  pipelineId: string;
  hires: number;
  /** Days from application to hire. */
  averageDays: number | null;
  medianDays: number | null;
  candidates: Array<{ candidateId: string; appliedAt: string; hiredAt: string; days: number }>;
}

/** The read model `pipeline-boards`: boards, cards, stage history, notes, activities, owners. */
export interface Boards {
  pipelines(tenant: TenantId): Promise<PipelineSummary[]>;
  board(tenant: TenantId, pipelineId: string): Promise<Board | undefined>;
  card(tenant: TenantId, cardId: string, now: string): Promise<CardDetail | undefined>;
  /** The highest rank in a column (null when empty): a card put at its end goes after it. */
  lastRank(tenant: TenantId, pipelineId: string, stageId: string): Promise<string | null>;
  occupiedStages(tenant: TenantId, pipelineId: string): Promise<string[]>;
  ownerOfEmployee(tenant: TenantId, employeeId: string): Promise<string | undefined>;
  /** The cards (any kind) an owner holds now. */
  cardsOwnedBy(tenant: TenantId, ownerId: string): Promise<string[]>;
  forecast(tenant: TenantId, pipelineId: string): Promise<Forecast | undefined>;
  funnel(tenant: TenantId, pipelineId: string, from: string, to: string): Promise<Funnel | undefined>;
  timeToHire(tenant: TenantId, pipelineId: string): Promise<TimeToHire | undefined>;
}

export const BOARDS = Symbol('Boards');
