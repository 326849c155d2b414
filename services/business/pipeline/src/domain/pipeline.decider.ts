import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { pipeline } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireKind, TEMPLATES, validStages } from './stages';
import type { PipelineKind, PipelineView, Stage } from './stages';

/** Stream `<tenant>/pipeline/<pipelineId>`, topic pipeline.pipeline.v1. A job's board holds its places: one stream, so two hires cannot both take the last. */
export type PipelineEvent = pipeline.PipelinePipelineV1Event;

export type CreatePipeline = Command<
  'CreatePipeline',
  {
    pipelineId: string;
    kind: string;
    name: string;
    /** null: the kind's template. */
    stages: readonly Stage[] | null;
    jobOpeningId?: string | null;
    places?: number | null;
    department?: string | null;
    designation?: string | null;
  }
>;
/** `occupied`: the stages that hold cards now (a stage holding cards is never removed). */
export type ConfigureStages = Command<'ConfigureStages', { stages: readonly Stage[]; occupied: readonly string[] }>;
/** `hiredBy`: the user making the hire (the last one fills the job in their name). */
export type TakePlace = Command<'TakePlace', { candidateId: string; hiredBy: string }>;
export type PipelineCommand = CreatePipeline | ConfigureStages | TakePlace;

export interface Job {
  jobOpeningId: string;
  places: number;
  placesLeft: number;
  department: string;
  designation: string;
  hired: readonly string[];
}

export type PipelineState = { status: 'none' } | (PipelineView & { status: 'active'; name: string; job: Job | null });

export const MAX_PIPELINE_NAME = 120;

function create({ data, metadata }: CreatePipeline, state: PipelineState): PipelineEvent[] {
  if (state.status !== 'none') throw new DomainError('pipeline-already-exists', { pipelineId: state.pipelineId });
  const kind = requireKind(data.kind);
  const name = (data.name ?? '').trim();
  if (!name || name.length > MAX_PIPELINE_NAME)
    throw new DomainError('invalid-pipeline-name', { field: 'name', maxLength: MAX_PIPELINE_NAME });
  const stages = validStages(data.stages ?? TEMPLATES[kind]);
  const job = kind === 'recruitment' ? recruitmentFacts(data) : null;
  return [
    pipeline.pipelineCreated({
      pipelineId: data.pipelineId,
      kind,
      name,
      stages,
      ...(job ?? {}),
      createdAt: metadata.now,
    }),
  ];
}

function recruitmentFacts(data: CreatePipeline['data']) {
  const { jobOpeningId, places, department, designation } = data;
  if (!jobOpeningId) throw new DomainError('recruitment-needs-job-opening', { field: 'jobOpeningId' });
  if (!Number.isInteger(places) || (places ?? 0) < 1)
    throw new DomainError('invalid-places', { field: 'places', places, min: 1 });
  return { jobOpeningId, places: places as number, department: department ?? '', designation: designation ?? '' };
}

function configure({ data, metadata }: ConfigureStages, state: PipelineState): PipelineEvent[] {
  const board = active(state);
  const stages = validStages(data.stages);
  const kept = new Set(stages.map((s) => s.stageId));
  const removed = board.stages.filter((s) => !kept.has(s.stageId)).map((s) => s.stageId);
  const occupied = removed.filter((id) => data.occupied.includes(id));
  if (occupied.length) throw new DomainError('stage-has-cards', { field: 'stages', stageIds: occupied });
  for (const old of board.stages) {
    const now = stages.find((s) => s.stageId === old.stageId);
    if (now && now.closes !== old.closes)
      throw new DomainError('stage-outcome-fixed', { field: 'stages', stageId: old.stageId, closes: old.closes });
  }
  return [pipeline.pipelineStagesConfigured({ pipelineId: board.pipelineId, stages, configuredAt: metadata.now })];
}

function takePlace({ data, metadata }: TakePlace, state: PipelineState): PipelineEvent[] {
  const board = active(state);
  const job = board.job;
  if (!job) throw new DomainError('not-a-recruitment-pipeline', { pipelineId: board.pipelineId });
  if (job.hired.includes(data.candidateId))
    throw new DomainError('candidate-already-hired', { candidateId: data.candidateId });
  if (job.placesLeft < 1)
    throw new DomainError('no-places-left', { jobOpeningId: job.jobOpeningId, places: job.places });
  const placesLeft = job.placesLeft - 1;
  const taken = pipeline.jobPlaceTaken({
    pipelineId: board.pipelineId,
    jobOpeningId: job.jobOpeningId,
    candidateId: data.candidateId,
    placesLeft,
    takenAt: metadata.now,
  });
  if (placesLeft > 0) return [taken];
  return [
    taken,
    pipeline.jobOpeningFilled({
      pipelineId: board.pipelineId,
      jobOpeningId: job.jobOpeningId,
      places: job.places,
      filledBy: data.hiredBy,
      filledAt: metadata.now,
    }),
  ];
}

export function active(state: PipelineState) {
  if (state.status === 'none') throw new DomainError('pipeline-not-found');
  return state;
}

function decide(command: PipelineCommand, state: PipelineState): PipelineEvent[] {
  switch (command.type) {
    case 'CreatePipeline':
      return create(command, state);
    case 'ConfigureStages':
      return configure(command, state);
    case 'TakePlace':
      return takePlace(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: PipelineState, event: PipelineEvent): PipelineState {
  switch (event.type) {
    case 'PipelineCreated': {
      const d = event.data;
      const job =
        d.jobOpeningId && d.places !== null
          ? {
              jobOpeningId: d.jobOpeningId,
              places: d.places,
              placesLeft: d.places,
              department: d.department ?? '',
              designation: d.designation ?? '',
              hired: [],
            }
          : null;
      return {
        status: 'active',
        pipelineId: d.pipelineId,
        kind: d.kind as PipelineKind,
        name: d.name,
        stages: d.stages as Stage[],
        job,
      };
    }
    case 'PipelineStagesConfigured':
      return state.status === 'none' ? state : { ...state, stages: event.data.stages as Stage[] };
    case 'JobPlaceTaken':
      return state.status === 'none' || !state.job
        ? state
        : {
            ...state,
            job: {
              ...state.job,
              placesLeft: event.data.placesLeft,
              hired: [...state.job.hired, event.data.candidateId],
            },
          };
    case 'JobOpeningFilled':
      return state;
    default:
      return assertNever(event);
  }
}

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
