import { DomainError } from '@hexfleet/kernel';
import type { LoadedStream, StreamTransaction } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { cardDecider, pipelineDecider } from '../domain';
import type { CardEvent, CardKind, CardState, PipelineEvent, PipelineState, PipelineView } from '../domain';

const CANDIDATE_NS = '5f1c2b9e-7a43-4d8e-9c61-2b7e4f0a9d35';

/** One card per person and job: the id derives from the board and the normalized email. */
export const candidateIdFor = (tenant: string, pipelineId: string, email: string) =>
  uuidv5(`${tenant}/${pipelineId}/${email.trim().toLowerCase()}`, CANDIDATE_NS);

export type LoadedCard = LoadedStream<CardEvent, CardState> & { kind: CardKind };

/** A card by id, candidate or deal (the id is a UUID, so at most one of the two streams exists). */
export async function loadCard(tx: StreamTransaction, cardId: string): Promise<LoadedCard> {
  const candidate = await tx.load(cardDecider, 'candidate', cardId);
  if (candidate.state.status !== 'none') return { ...candidate, kind: 'candidate' };
  const deal = await tx.load(cardDecider, 'deal', cardId);
  if (deal.state.status !== 'none') return { ...deal, kind: 'deal' };
  throw new DomainError('card-not-found', { cardId });
}

export async function loadPipeline(
  tx: StreamTransaction,
  pipelineId: string,
): Promise<LoadedStream<PipelineEvent, PipelineState> & { view: PipelineView }> {
  const loaded = await tx.load(pipelineDecider, 'pipeline', pipelineId);
  if (loaded.state.status === 'none') throw new DomainError('pipeline-not-found', { pipelineId });
  const { kind, stages } = loaded.state;
  return { ...loaded, view: { pipelineId, kind, stages } };
}
