import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { cancellationOn, occursOn } from './class-session.decider';
import { attended, codeIn, excusedCode, presentCode } from './codes';
import { addDays } from './dates';
import { inGroupOn, leaveOn, membersOn, schoolEventDuring } from './roster.decider';
import { holidayOn } from './school.decider';
import type {
  CorrectAttendance,
  MarkRegister,
  RegisterAt,
  RegisterCommand,
  RegisterEvent,
  RegisterFacts,
  RegisterState,
} from './register.types';

export const MAX_REASON_LENGTH = 500;

/** The day a register locks: from then on only corrections with a reason change it. */
export const lockedOn = (date: string, lockDays: number): string => addDays(date, lockDays + 1);

/**
 * The rules every change of a register passes, in the order a person would ask them:
 * is there such a lesson, has its day come, is it still on, is it still open.
 * Answers where the register is and whether it is locked.
 */
function lesson(facts: RegisterFacts, state: RegisterState): { at: RegisterAt; locked: boolean } {
  const { session } = facts.session;
  if (!session) throw new DomainError('session-not-found', { sessionId: facts.sessionId });
  if (!occursOn(session, facts.date)) throw new DomainError('not-a-session-day', { date: facts.date });
  if (facts.date > facts.today) throw new DomainError('date-in-future', { date: facts.date, today: facts.today });
  if (state.status === 'withdrawn') {
    throw new DomainError('register-withdrawn', { date: facts.date, reason: state.withdrawnBecause });
  }
  const cancelled = cancellationOn(facts.session, facts.date);
  if (cancelled) throw new DomainError('session-cancelled', { date: facts.date, reason: cancelled.reason });
  const holiday = holidayOn(facts.school, facts.date);
  if (holiday) throw new DomainError('holiday', { date: facts.date, reason: holiday.name });
  const at = {
    registerId: facts.registerId,
    sessionId: facts.sessionId,
    date: facts.date,
    schoolId: session.schoolId,
    groupId: session.groupId,
  };
  return { at, locked: facts.today >= lockedOn(facts.date, facts.lockDays) };
}

/**
 * What "all present" marks a student with instead of present: the school's excused code when the
 * student is on leave that day (recorded ahead) or the group is away at a school event during the
 * lesson (ADR 0052); null otherwise, or when the school has no excused code.
 */
export function prefill(
  facts: RegisterFacts,
  studentId: string,
): { code: string; meaning: string; reason: string } | null {
  const session = facts.session.session;
  const excused = excusedCode(facts.codes);
  if (!session || !excused) return null;
  const leave = leaveOn(facts.roster, studentId, facts.date);
  const event = schoolEventDuring(facts.roster, facts.date, session.startTime, session.endTime);
  const reason = leave ? `Leave: ${leave.reason}` : event?.title;
  return reason ? { code: excused.code, meaning: excused.meaning, reason } : null;
}

function mustBeInGroup(facts: RegisterFacts, studentId: string): void {
  if (!inGroupOn(facts.roster.members[studentId], facts.date)) {
    throw new DomainError('student-not-in-group', { studentId, date: facts.date });
  }
}

const recordsOf = (state: RegisterState) => (state.status === 'none' ? {} : state.records);

/** Once every student of the group that day has a record: RegisterCompleted, once. */
function completion(facts: RegisterFacts, state: RegisterState, at: RegisterAt, after: RegisterEvent[], now: string) {
  if (state.status !== 'none' && state.completed) return [];
  const records = after.reduce(evolve, state);
  const members = membersOn(facts.roster, facts.date);
  const all = recordsOf(records);
  if (members.length === 0 || members.some((m) => !all[m.studentId])) return [];
  const meanings = members.map((m) => all[m.studentId].meaning);
  return [
    attendance.registerCompleted({
      ...at,
      students: members.length,
      attended: meanings.filter(attended).length,
      absent: meanings.filter((m) => m === 'absent').length,
      excused: meanings.filter((m) => m === 'excused').length,
      completedAt: now,
    }),
  ];
}

function mark({ data, metadata }: MarkRegister, state: RegisterState): RegisterEvent[] {
  const { facts } = data;
  const { at, locked } = lesson(facts, state);
  // A daily school takes the day's register in the group's first lesson; the others are not taken.
  if (facts.dailyLesson && facts.dailyLesson.sessionId !== facts.sessionId) {
    throw new DomainError('daily-register-elsewhere', { date: facts.date, ...facts.dailyLesson });
  }
  if (locked) throw new DomainError('register-locked', { lockedOn: lockedOn(facts.date, facts.lockDays) });
  const named = new Set<string>();
  const records = recordsOf(state);
  const marks = [];
  for (const { studentId, code } of data.marks) {
    if (named.has(studentId)) throw new DomainError('student-marked-twice', { studentId });
    named.add(studentId);
    const { meaning } = codeIn(facts.codes, code);
    mustBeInGroup(facts, studentId);
    const existing = records[studentId];
    if (existing && existing.code !== code) {
      throw new DomainError('already-marked', { studentId, code: existing.code });
    }
    if (!existing) marks.push({ studentId, code, meaning });
  }
  if (data.allPresent) {
    // Away at a school event (a trip) during the lesson: excused, as pre-filled; everyone else present.
    const present = presentCode(facts.codes);
    for (const member of membersOn(facts.roster, facts.date)) {
      if (named.has(member.studentId) || records[member.studentId]) continue;
      const { code, meaning } = prefill(facts, member.studentId) ?? present;
      marks.push({ studentId: member.studentId, code, meaning });
    }
  }
  if (marks.length === 0) return [];
  const teacherUserId = facts.session.session?.teacherUserId ?? '';
  const marked = attendance.attendanceMarked({
    ...at,
    teacherUserId,
    marks,
    markedBy: data.markedBy,
    markedAt: metadata.now,
  });
  return [marked, ...completion(facts, state, at, [marked], metadata.now)];
}

function correct({ data, metadata }: CorrectAttendance, state: RegisterState): RegisterEvent[] {
  const { facts, studentId } = data;
  const { at, locked } = lesson(facts, state);
  const reason = data.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON_LENGTH) {
    throw new DomainError('reason-too-long', { maxLength: MAX_REASON_LENGTH });
  }
  if (locked && !reason) {
    throw new DomainError('reason-required', { lockedOn: lockedOn(facts.date, facts.lockDays) });
  }
  const { code, meaning } = codeIn(facts.codes, data.code);
  mustBeInGroup(facts, studentId);
  const previous = recordsOf(state)[studentId];
  if (previous?.code === code) throw new DomainError('attendance-unchanged', { studentId, code });
  const corrected = attendance.attendanceCorrected({
    ...at,
    studentId,
    previousCode: previous?.code ?? null,
    previousMeaning: previous?.meaning ?? null,
    code,
    meaning,
    reason,
    locked,
    correctedBy: data.correctedBy,
    correctedAt: metadata.now,
  });
  return [corrected, ...completion(facts, state, at, [corrected], metadata.now)];
}

function decide(command: RegisterCommand, state: RegisterState): RegisterEvent[] {
  switch (command.type) {
    case 'MarkRegister':
      return mark(command, state);
    case 'CorrectAttendance':
      return correct(command, state);
    case 'WithdrawRegister':
      // Only a register that was taken has anything to withdraw; an unmarked one simply has no lesson.
      if (state.status !== 'open') return [];
      return [
        attendance.registerWithdrawn({
          ...state.at,
          reason: command.data.reason,
          holidayEventId: command.data.holidayEventId,
          withdrawnAt: command.metadata.now,
        }),
      ];
    default:
      return assertNever(command);
  }
}

function opened(state: RegisterState, { registerId, sessionId, date, schoolId, groupId }: RegisterAt) {
  if (state.status !== 'none') return state;
  return {
    status: 'open' as const,
    at: { registerId, sessionId, date, schoolId, groupId },
    records: {},
    completed: false,
  };
}

function evolve(state: RegisterState, event: RegisterEvent): RegisterState {
  switch (event.type) {
    case 'AttendanceMarked': {
      const { marks, ...at } = event.data;
      const current = opened(state, at);
      const records = { ...current.records };
      for (const { studentId, code, meaning } of marks) {
        records[studentId] = { code, meaning, originalCode: code, corrected: false };
      }
      return { ...current, records };
    }
    case 'AttendanceCorrected': {
      const { studentId, code, meaning, previousCode } = event.data;
      const current = opened(state, event.data);
      const original = current.records[studentId]?.originalCode ?? previousCode;
      const records = { ...current.records, [studentId]: { code, meaning, originalCode: original, corrected: true } };
      return { ...current, records };
    }
    case 'RegisterCompleted':
      return state.status === 'none' ? state : { ...state, completed: true };
    case 'RegisterWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn', withdrawnBecause: event.data.reason };
    default:
      return assertNever(event);
  }
}

export const registerDecider: Decider<RegisterCommand, RegisterEvent, RegisterState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
