import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { ratePercent } from './codes';
import type { Command } from './command';
import { addDays } from './dates';

/** Stream `<tenant>/student-tally/<studentId>`, topic attendance.student-tally.v1 (internal). */
export type TallyEvent = attendance.AttendanceStudentTallyV1Event;
/** Stream `<tenant>/student/<studentId>`, topic attendance.student.v1: absences and alerts. */
export type StudentEvent = attendance.AttendanceStudentV1Event;

export interface Tallied {
  date: string;
  meaning: string;
}
/** A student's records by register: the latest tally of each. */
export interface TallyState {
  records: Record<string, Tallied>;
}

export type TallyRecord = Command<'TallyRecord', Omit<attendance.StudentRecordTalliedData, 'talliedAt'>>;

function decideTally({ data, metadata }: TallyRecord, state: TallyState): TallyEvent[] {
  if (state.records[data.registerId]?.meaning === data.meaning) return [];
  return [attendance.studentRecordTallied({ ...data, talliedAt: metadata.now })];
}

function evolveTally(state: TallyState, event: TallyEvent): TallyState {
  const { registerId, date, meaning } = event.data;
  return { records: { ...state.records, [registerId]: { date, meaning } } };
}

export const tallyDecider: Decider<TallyRecord, TallyEvent, TallyState> = {
  initialState: { records: {} },
  decide: decideTally,
  evolve: evolveTally,
};

/** The rolling window's rate ending on `windowEnd`, `windowDays` long. */
export function windowRate(tally: TallyState, windowEnd: string, windowDays: number) {
  const windowStart = addDays(windowEnd, 1 - windowDays);
  const meanings = Object.values(tally.records)
    .filter((r) => r.date >= windowStart && r.date <= windowEnd)
    .map((r) => r.meaning);
  return { windowStart, windowEnd, ...ratePercent(meanings) };
}

export interface StudentState {
  /** Whether the student is below the minimum since the last AbsenceThresholdExceeded of kind rate. */
  below: boolean;
  /** The first day of the run of absent days last alerted: a run alerts once. */
  alertedRunStart: string | null;
}

/**
 * The run of school days absent in a row up to the latest: a day counts when it has a counted
 * record (excused and withdrawn ones neither break nor extend a run), and is absent when every
 * counted record of it is.
 */
export function absentRun(tally: TallyState): { days: number; start: string | null; end: string | null } {
  const byDay = new Map<string, string[]>();
  for (const { date, meaning } of Object.values(tally.records)) {
    if (meaning === 'excused' || meaning === 'withdrawn') continue;
    byDay.set(date, [...(byDay.get(date) ?? []), meaning]);
  }
  const days = [...byDay.keys()].sort().reverse();
  let run = 0;
  for (const day of days) {
    if (!byDay.get(day)?.every((m) => m === 'absent')) break;
    run++;
  }
  return { days: run, start: run ? days[run - 1] : null, end: run ? days[0] : null };
}

/**
 * After a record was tallied: StudentAbsent when it newly means absent, and the threshold
 * crossings of the rolling window ending on the latest lesson: exceeded once when the rate
 * falls below the minimum, cleared when it is back, so a crossing raises one alert however
 * many absences follow (ADR 0051).
 */
export type EvaluateAttendance = Command<
  'EvaluateAttendance',
  {
    studentId: string;
    schoolId: string;
    groupId: string;
    registerId: string;
    sessionId: string;
    date: string;
    code: string;
    meaning: string;
    /** The record's meaning before this tally; null for a first record. */
    previousMeaning: string | null;
    tally: TallyState;
    windowDays: number;
    /** Fewer counted records than this in the window says nothing yet. */
    minimumRecords: number;
    minimumPercent: number;
    consecutiveAbsentDays: number;
  }
>;

function decideStudent({ data, metadata }: EvaluateAttendance, state: StudentState): StudentEvent[] {
  const events: StudentEvent[] = [];
  const { studentId, schoolId, groupId } = data;
  if (data.meaning === 'absent' && data.previousMeaning !== 'absent') {
    const { registerId, sessionId, date, code } = data;
    events.push(
      attendance.studentAbsent({
        studentId,
        schoolId,
        groupId,
        registerId,
        sessionId,
        date,
        code,
        recordedAt: metadata.now,
      }),
    );
  }
  const dates = Object.values(data.tally.records).map((r) => r.date);
  if (dates.length === 0) return events;
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const rate = windowRate(data.tally, latest, data.windowDays);
  const { windowStart, windowEnd, attended, counted, percent } = rate;
  const below = counted >= data.minimumRecords && percent < data.minimumPercent;
  const minimumPercent = data.minimumPercent;
  if (below && !state.below) {
    events.push(
      attendance.absenceThresholdExceeded({
        studentId,
        schoolId,
        groupId,
        windowStart,
        windowEnd,
        attended,
        counted,
        ratePercent: percent,
        minimumPercent,
        exceededAt: metadata.now,
        kind: 'rate',
      }),
    );
  } else if (!below && state.below) {
    events.push(
      attendance.absenceThresholdCleared({
        studentId,
        schoolId,
        windowStart,
        windowEnd,
        ratePercent: percent,
        minimumPercent,
        clearedAt: metadata.now,
      }),
    );
  }
  const run = absentRun(data.tally);
  if (run.start && run.end && run.days >= data.consecutiveAbsentDays && run.start !== state.alertedRunStart) {
    events.push(
      attendance.absenceThresholdExceeded({
        studentId,
        schoolId,
        groupId,
        windowStart: run.start,
        windowEnd: run.end,
        attended,
        counted,
        ratePercent: percent,
        minimumPercent,
        exceededAt: metadata.now,
        kind: 'consecutive-days',
        consecutiveAbsentDays: run.days,
      }),
    );
  }
  return events;
}

function evolveStudent(state: StudentState, event: StudentEvent): StudentState {
  switch (event.type) {
    case 'StudentAbsent':
      return state;
    case 'AbsenceThresholdExceeded':
      return event.data.kind === 'consecutive-days'
        ? { ...state, alertedRunStart: event.data.windowStart }
        : { ...state, below: true };
    case 'AbsenceThresholdCleared':
      return { ...state, below: false };
    default:
      return assertNever(event);
  }
}

export const studentDecider: Decider<EvaluateAttendance, StudentEvent, StudentState> = {
  initialState: { below: false, alertedRunStart: null },
  decide: decideStudent,
  evolve: evolveStudent,
};
