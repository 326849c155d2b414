import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { AcademicYearState } from './academic-year.decider';
import type { Command } from './command';

/**
 * Stream `<tenant>/rollover/<fromYearId>`, topic hq.rollover.v1: the year-end rollover of
 * one ending year, run once (ADR 0037). Each school's step is YearRolledOver on the school's
 * own stream (which remembers it, so a step never repeats); this stream records the run's
 * start (which schools) and its end (all of them done).
 */
export type RolloverEvent = hq.HqRolloverV1Event;

export type StartRollover = Command<
  'StartRollover',
  { fromYear: AcademicYearState; toYear: AcademicYearState; schoolIds: string[]; startedBy: string }
>;
/** `settled`: the schools whose step is done (rolled over, or closed since the start). */
export type CompleteRollover = Command<'CompleteRollover', { settled: string[] }>;
export type RolloverCommand = StartRollover | CompleteRollover;

interface Run {
  fromYearId: string;
  toYearId: string;
  schoolIds: string[];
}
export type RolloverState = { status: 'none' } | ({ status: 'started' } & Run) | ({ status: 'completed' } & Run);

function published(year: AcademicYearState, field: string) {
  if (year.status !== 'published') throw new DomainError('academic-year-not-published', { field });
  return year;
}

function start({ data, metadata }: StartRollover, state: RolloverState): RolloverEvent[] {
  const from = published(data.fromYear, 'fromYearId');
  const to = published(data.toYear, 'toYearId');
  if (state.status === 'completed') throw new DomainError('rollover-already-completed', { fromYearId: from.yearId });
  if (state.status === 'started') {
    // Started before and stopped: running it again resumes it, nothing to record.
    if (state.toYearId === to.yearId) return [];
    throw new DomainError('rollover-already-started', { toYearId: state.toYearId });
  }
  if (from.yearId === to.yearId) throw new DomainError('rollover-to-same-year', { field: 'toYearId' });
  if (to.startDate <= from.startDate)
    throw new DomainError('rollover-goes-backwards', {
      field: 'toYearId',
      fromStart: from.startDate,
      toStart: to.startDate,
    });
  if (data.schoolIds.length === 0) throw new DomainError('no-schools-to-roll-over', { fromYearId: from.yearId });
  return [
    hq.rolloverStarted({
      fromYearId: from.yearId,
      toYearId: to.yearId,
      schoolIds: data.schoolIds,
      startedBy: data.startedBy,
      startedAt: metadata.now,
    }),
  ];
}

function decide(command: RolloverCommand, state: RolloverState): RolloverEvent[] {
  switch (command.type) {
    case 'StartRollover':
      return start(command, state);
    case 'CompleteRollover': {
      if (state.status === 'none') throw new DomainError('rollover-not-started');
      if (state.status === 'completed')
        throw new DomainError('rollover-already-completed', { fromYearId: state.fromYearId });
      const remaining = state.schoolIds.filter((id) => !command.data.settled.includes(id));
      if (remaining.length) throw new DomainError('rollover-incomplete', { remaining });
      const { fromYearId, toYearId, schoolIds } = state;
      return [hq.rolloverCompleted({ fromYearId, toYearId, schoolIds, completedAt: command.metadata.now })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: RolloverState, event: RolloverEvent): RolloverState {
  switch (event.type) {
    case 'RolloverStarted': {
      const { fromYearId, toYearId, schoolIds } = event.data;
      return { status: 'started', fromYearId, toYearId, schoolIds };
    }
    case 'RolloverCompleted':
      return state.status === 'none' ? state : { ...state, status: 'completed' };
    default:
      return assertNever(event);
  }
}

export const rolloverDecider: Decider<RolloverCommand, RolloverEvent, RolloverState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
