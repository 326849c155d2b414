import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { rolloverDecider } from '../../src/domain';
import type { AcademicYearState, RolloverCommand } from '../../src/domain';
import { HQ_ADMIN, metadata, NOW, OTHER_SCHOOL, SCHOOL } from './hq-fixtures';

const given = deciderSpec(rolloverDecider);
const FROM = '0195f0a2-7c1e-7000-8000-00000000e001';
const TO = '0195f0a2-7c1e-7000-8000-00000000e002';
const year = (yearId: string, startDate: string): AcademicYearState => ({
  status: 'published',
  yearId,
  name: yearId.slice(-4),
  startDate,
  endDate: startDate.replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
  schoolIds: [],
});
const from = year(FROM, '2025-06-01');
const to = year(TO, '2026-06-01');

const start = (
  overrides: Partial<{ fromYear: AcademicYearState; toYear: AcademicYearState; schoolIds: string[] }> = {},
): RolloverCommand => ({
  type: 'StartRollover',
  data: { fromYear: from, toYear: to, schoolIds: [SCHOOL, OTHER_SCHOOL], startedBy: HQ_ADMIN, ...overrides },
  metadata,
});
const complete = (settled: string[]): RolloverCommand => ({ type: 'CompleteRollover', data: { settled }, metadata });
const started = hq.rolloverStarted({
  fromYearId: FROM,
  toYearId: TO,
  schoolIds: [SCHOOL, OTHER_SCHOOL],
  startedBy: HQ_ADMIN,
  startedAt: NOW,
});
const completed = hq.rolloverCompleted({
  fromYearId: FROM,
  toYearId: TO,
  schoolIds: [SCHOOL, OTHER_SCHOOL],
  completedAt: NOW,
});

describe('the year-end rollover runs once per ending year', () => {
  it('given none, when HQ starts it, then RolloverStarted names the schools', () => {
    given([]).when(start()).then([started]);
  });

  it('given it started and stopped, when it is started again for the same year, then nothing (it resumes)', () => {
    given([started]).when(start()).then([]);
  });

  it('given it started, when started into another year, then rollover-already-started', () => {
    given([started])
      .when(start({ toYear: year('0195f0a2-7c1e-7000-8000-00000000e003', '2027-06-01') }))
      .thenThrows('rollover-already-started', { toYearId: TO });
  });

  it('given it completed, when started again, then rollover-already-completed (run twice changes nothing)', () => {
    given([started, completed]).when(start()).thenThrows('rollover-already-completed');
    given([started, completed])
      .when(complete([SCHOOL, OTHER_SCHOOL]))
      .thenThrows('rollover-already-completed');
  });

  it('given none, when the years break a rule, then that rule', () => {
    given([])
      .when(start({ toYear: { status: 'none' } }))
      .thenThrows('academic-year-not-published', { field: 'toYearId' });
    given([])
      .when(start({ fromYear: { status: 'none' } }))
      .thenThrows('academic-year-not-published', { field: 'fromYearId' });
    given([])
      .when(start({ toYear: from }))
      .thenThrows('rollover-to-same-year');
    given([])
      .when(start({ toYear: year(TO, '2025-01-01') }))
      .thenThrows('rollover-goes-backwards');
    given([])
      .when(start({ schoolIds: [] }))
      .thenThrows('no-schools-to-roll-over');
  });
});

describe('completing the rollover', () => {
  it('given every school settled, when completed, then RolloverCompleted', () => {
    given([started])
      .when(complete([OTHER_SCHOOL, SCHOOL]))
      .then([completed]);
  });

  it('given a school still to do, when completed, then rollover-incomplete naming it', () => {
    given([started])
      .when(complete([SCHOOL]))
      .thenThrows('rollover-incomplete', { remaining: [OTHER_SCHOOL] });
  });

  it('given none, when completed, then rollover-not-started', () => {
    given([]).when(complete([])).thenThrows('rollover-not-started');
  });
});
