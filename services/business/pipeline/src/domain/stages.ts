import { DomainError } from '@hexfleet/kernel';
import type { pipeline } from '@hexfleet/schemas';

/** A column of a board. `closes` says what entering it does to a card: nothing (open), or closes it as won/hired or lost/rejected. */
export type Stage = pipeline.Stage & { closes: Closes };
export type Closes = 'open' | 'won' | 'lost';
export type PipelineKind = 'recruitment' | 'sales';

/** What a card's command needs to know of its pipeline: decided by the handler, passed in as data. */
export interface PipelineView {
  pipelineId: string;
  kind: PipelineKind;
  stages: readonly Stage[];
}

const stage = (stageId: string, name: string, probability: number, closes: Closes = 'open'): Stage => ({
  stageId,
  name,
  probability,
  closes,
});

/** The two templates of the one stage engine (DOMAIN.md, Pipeline). */
export const TEMPLATES: Record<PipelineKind, readonly Stage[]> = {
  recruitment: [
    stage('applied', 'Applied', 0),
    stage('screening', 'Screening', 0),
    stage('interview', 'Interview', 0),
    stage('offer', 'Offer', 0),
    stage('hired', 'Hired', 0, 'won'),
    stage('rejected', 'Rejected', 0, 'lost'),
  ],
  sales: [
    stage('new', 'New', 10),
    stage('qualified', 'Qualified', 25),
    stage('proposal', 'Proposal', 50),
    stage('negotiation', 'Negotiation', 75),
    stage('won', 'Won', 100, 'won'),
    stage('lost', 'Lost', 0, 'lost'),
  ],
};

export const PIPELINE_KINDS: readonly PipelineKind[] = ['recruitment', 'sales'];
const STAGE_ID = /^[a-z][a-z0-9-]{0,39}$/;
export const MAX_STAGES = 20;
export const MAX_STAGE_NAME = 60;

export function requireKind(kind: string): PipelineKind {
  if (!(PIPELINE_KINDS as readonly string[]).includes(kind)) throw new DomainError('invalid-pipeline-kind', { kind });
  return kind as PipelineKind;
}

/** 0..100 whole percent; the rule for every probability a deal or stage carries. */
export function requireProbability(probability: number, field = 'probability'): number {
  if (!Number.isInteger(probability) || probability < 0 || probability > 100)
    throw new DomainError('invalid-probability', { field, probability, min: 0, max: 100 });
  return probability;
}

/**
 * Stages as a pipeline may have them: ordered, ids unique and stable, at least one open
 * stage, exactly one that wins (hires) and one that loses (rejects); a won stage is 100%
 * and a lost stage 0%.
 */
export function validStages(stages: readonly Stage[]): Stage[] {
  if (stages.length < 3 || stages.length > MAX_STAGES)
    throw new DomainError('invalid-stages', { field: 'stages', reason: `3 to ${MAX_STAGES} stages` });
  const seen = new Set<string>();
  const result = stages.map((s, index) => {
    if (!STAGE_ID.test(s.stageId ?? ''))
      throw new DomainError('invalid-stages', { field: `stages.${index}.stageId`, reason: 'kebab-case, 1..40' });
    if (seen.has(s.stageId))
      throw new DomainError('invalid-stages', { field: `stages.${index}.stageId`, reason: 'duplicate' });
    seen.add(s.stageId);
    const name = (s.name ?? '').trim();
    if (!name || name.length > MAX_STAGE_NAME)
      throw new DomainError('invalid-stages', {
        field: `stages.${index}.name`,
        reason: `1..${MAX_STAGE_NAME} characters`,
      });
    if (!['open', 'won', 'lost'].includes(s.closes))
      throw new DomainError('invalid-stages', { field: `stages.${index}.closes`, reason: 'open, won or lost' });
    const probability = requireProbability(s.probability, `stages.${index}.probability`);
    if (s.closes === 'won' && probability !== 100 && probability !== 0)
      throw new DomainError('invalid-probability', { field: `stages.${index}.probability`, reason: 'won is 100' });
    if (s.closes === 'lost' && probability !== 0)
      throw new DomainError('invalid-probability', { field: `stages.${index}.probability`, reason: 'lost is 0' });
    return { stageId: s.stageId, name, probability, closes: s.closes };
  });
  const count = (closes: Closes) => result.filter((s) => s.closes === closes).length;
  if (count('open') < 1 || count('won') !== 1 || count('lost') !== 1)
    throw new DomainError('invalid-stages', { field: 'stages', reason: 'open stages, one won and one lost' });
  return result;
}

/** A stage of this pipeline, or `stage-not-in-pipeline` (a stage of another pipeline is one). */
export function stageOf(view: PipelineView, stageId: string): Stage {
  const found = view.stages.find((s) => s.stageId === stageId);
  if (!found)
    throw new DomainError('stage-not-in-pipeline', { field: 'stageId', stageId, pipelineId: view.pipelineId });
  return found;
}

export function closingStage(view: PipelineView, closes: 'won' | 'lost'): Stage {
  const found = view.stages.find((s) => s.closes === closes);
  if (!found) throw new DomainError('invalid-stages', { closes });
  return found;
}

export function firstOpenStage(view: PipelineView): Stage {
  const found = view.stages.find((s) => s.closes === 'open');
  if (!found) throw new DomainError('invalid-stages', { closes: 'open' });
  return found;
}

/** A rank as the fractional-indexing library makes them: base-62 text, never empty. */
export function requireRank(rank: string): string {
  if (!/^[0-9A-Za-z]{2,64}$/.test(rank ?? '')) throw new DomainError('invalid-rank', { field: 'rank', rank });
  return rank;
}
