import { fold } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { studentDecider, tallyDecider } from '../../src/domain';
import type { EvaluateAttendance, TallyState } from '../../src/domain';
import { ASHA, GROUP, metadata, NOW, REGISTER, SCHOOL, SESSION } from './fixtures';

const given = deciderSpec(studentDecider);
const tallied = (registerId: string, date: string, meaning: string) =>
  attendance.studentRecordTallied({
    studentId: ASHA,
    schoolId: SCHOOL,
    groupId: GROUP,
    registerId,
    date,
    meaning,
    talliedAt: NOW,
  });
/** Days of November, one register a day, meaning by letter: P present, A absent, E excused, W withdrawn. */
const tallyOf = (days: string): TallyState =>
  fold(
    tallyDecider,
    [...days].map((c, i) => {
      const date = `2026-11-${String(i + 1).padStart(2, '0')}`;
      const meaning = { P: 'present', A: 'absent', E: 'excused', W: 'withdrawn' }[c] ?? 'present';
      return tallied(`r-${date}`, date, meaning);
    }),
  );
const evaluate = (days: string, over: Partial<EvaluateAttendance['data']> = {}): EvaluateAttendance => {
  const date = `2026-11-${String(days.length).padStart(2, '0')}`;
  return {
    type: 'EvaluateAttendance',
    data: {
      studentId: ASHA,
      schoolId: SCHOOL,
      groupId: GROUP,
      registerId: REGISTER,
      sessionId: SESSION,
      date,
      code: days.endsWith('A') ? 'A' : 'P',
      meaning: days.endsWith('A') ? 'absent' : 'present',
      previousMeaning: null,
      tally: tallyOf(days),
      windowDays: 10,
      minimumRecords: 4,
      minimumPercent: 75,
      consecutiveAbsentDays: 60,
      ...over,
    },
    metadata,
  };
};
const absent = (date: string) =>
  attendance.studentAbsent({
    studentId: ASHA,
    schoolId: SCHOOL,
    groupId: GROUP,
    registerId: REGISTER,
    sessionId: SESSION,
    date,
    code: 'A',
    recordedAt: NOW,
  });
const exceeded = (windowStart: string, windowEnd: string, attended: number, counted: number, ratePercent: number) =>
  attendance.absenceThresholdExceeded({
    studentId: ASHA,
    schoolId: SCHOOL,
    groupId: GROUP,
    windowStart,
    windowEnd,
    attended,
    counted,
    ratePercent,
    minimumPercent: 75,
    exceededAt: NOW,
    kind: 'rate',
  });
const cleared = (windowStart: string, windowEnd: string, ratePercent: number) =>
  attendance.absenceThresholdCleared({
    studentId: ASHA,
    schoolId: SCHOOL,
    windowStart,
    windowEnd,
    ratePercent,
    minimumPercent: 75,
    clearedAt: NOW,
  });

describe('the tally', () => {
  it('keeps one record per register, the latest meaning, and ignores the same meaning again', () => {
    const t = deciderSpec(tallyDecider);
    const record = {
      studentId: ASHA,
      schoolId: SCHOOL,
      groupId: GROUP,
      registerId: 'r1',
      date: '2026-11-02',
      meaning: 'absent',
    };
    t([])
      .when({ type: 'TallyRecord', data: record, metadata })
      .then([tallied('r1', '2026-11-02', 'absent')]);
    t([tallied('r1', '2026-11-02', 'absent')])
      .when({ type: 'TallyRecord', data: record, metadata })
      .then([]);
    expect(
      fold(tallyDecider, [tallied('r1', '2026-11-02', 'absent'), tallied('r1', '2026-11-02', 'late')]).records,
    ).toEqual({
      r1: { date: '2026-11-02', meaning: 'late' },
    });
  });
});

describe('StudentAbsent, once per absence', () => {
  it('is raised for an absent record, not for a present one, and not again when an absence is re-tallied', () => {
    given([])
      .when(evaluate('PPA'))
      .then([absent('2026-11-03')]);
    given([]).when(evaluate('PPP')).then([]);
    given([])
      .when(evaluate('PPA', { previousMeaning: 'absent' }))
      .then([]);
  });
});

describe('AbsenceThresholdExceeded, once per crossing of the rolling window', () => {
  it('fires when the rate in the window falls below the minimum', () => {
    // 3 of 5 attended: 60% < 75%.
    given([])
      .when(evaluate('PPPAA'))
      .then([absent('2026-11-05'), exceeded('2026-10-27', '2026-11-05', 3, 5, 60)]);
  });

  it('says nothing before the window holds the minimum number of records', () => {
    given([])
      .when(evaluate('PAA'))
      .then([absent('2026-11-03')]);
  });

  it('does not fire again while the student stays below', () => {
    given([exceeded('2026-10-27', '2026-11-05', 3, 5, 60)])
      .when(evaluate('PPPAAA'))
      .then([absent('2026-11-06')]);
  });

  it('clears when the rate is back, and fires again on the next crossing', () => {
    const first = exceeded('2026-10-27', '2026-11-05', 3, 5, 60);
    // The 10-day window ending on the 14th holds 05 (A) and 06..14 (P): 9 of 10.
    given([first])
      .when(evaluate('PPPAAPPPPPPPPP'))
      .then([cleared('2026-11-05', '2026-11-14', 90)]);
    given([first, cleared('2026-11-05', '2026-11-14', 90)])
      .when(evaluate('PPPAAPPPPPPPAAA'))
      .then([absent('2026-11-15'), exceeded('2026-11-06', '2026-11-15', 7, 10, 70)]);
  });

  it('leaves excused and withdrawn records out of the rate', () => {
    given([])
      .when(evaluate('PPPEEEWWA'))
      .then([absent('2026-11-09')]);
  });
});

describe('AbsenceThresholdExceeded of kind consecutive-days, once per run', () => {
  const run = (start: string, end: string, days: number, attended: number, counted: number, rate: number) =>
    attendance.absenceThresholdExceeded({
      ...exceeded(start, end, attended, counted, rate).data,
      minimumPercent: 0,
      kind: 'consecutive-days',
      consecutiveAbsentDays: days,
    });
  const by = { consecutiveAbsentDays: 3, minimumPercent: 0 };

  it('fires when the student has been absent the threshold of school days in a row', () => {
    given([])
      .when(evaluate('PAA', by))
      .then([absent('2026-11-03')]);
    given([])
      .when(evaluate('PAAA', by))
      .then([absent('2026-11-04'), run('2026-11-02', '2026-11-04', 3, 1, 4, 25)]);
  });

  it('does not fire again while the run goes on, and fires for a new run', () => {
    const first = run('2026-11-02', '2026-11-04', 3, 1, 4, 25);
    given([first])
      .when(evaluate('PAAAA', by))
      .then([absent('2026-11-05')]);
    given([first])
      .when(evaluate('PAAAAPAAA', by))
      .then([absent('2026-11-09'), run('2026-11-07', '2026-11-09', 3, 2, 9, 22)]);
  });

  it('lets excused days neither break nor extend a run', () => {
    given([])
      .when(evaluate('PAAEA', by))
      .then([absent('2026-11-05'), run('2026-11-02', '2026-11-05', 3, 1, 4, 25)]);
  });
});
