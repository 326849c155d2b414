import type { attendance } from '@hexfleet/schemas';
import type { ClassSessionState } from './class-session.decider';
import type { AttendanceCode } from './codes';
import type { Command } from './command';
import type { RosterState } from './roster.decider';
import type { SchoolState } from './school.decider';

/** Stream `<tenant>/register/<registerId>`, topic attendance.register.v1: one register per session and day. */
export type RegisterEvent = attendance.AttendanceRegisterV1Event;

/** What a register's rules are decided on: the facts attendance holds in its own streams, read at the version of the command. */
export interface RegisterFacts {
  registerId: string;
  sessionId: string;
  date: string;
  session: ClassSessionState;
  roster: RosterState;
  school: SchoolState;
  /** The school's effective codes (its own, else the group's, else the defaults). */
  codes: readonly AttendanceCode[];
  /** The school's calendar day now. */
  today: string;
  /** A register locks this many days after its day (0: the next day). */
  lockDays: number;
  /**
   * In a school taking attendance daily (ADR 0054), the group's first lesson that day, whose
   * register is the day's; null when the school takes every lesson's.
   */
  dailyLesson: { sessionId: string; subjectName: string; startTime: string } | null;
}

export interface MarkInput {
  studentId: string;
  code: string;
}

/** A teacher takes a register: every student not named gets the present code when `allPresent`. */
export type MarkRegister = Command<
  'MarkRegister',
  { facts: RegisterFacts; allPresent: boolean; marks: readonly MarkInput[]; markedBy: string }
>;
/** A record changed after it was made; after the lock only with a reason. */
export type CorrectAttendance = Command<
  'CorrectAttendance',
  { facts: RegisterFacts; studentId: string; code: string; reason: string | null; correctedBy: string }
>;
/** The lesson was cancelled (Admin's ClassSessionCancelled). */
export type WithdrawRegister = Command<'WithdrawRegister', { reason: string; holidayEventId: string | null }>;
export type RegisterCommand = MarkRegister | CorrectAttendance | WithdrawRegister;

export interface StudentRecord {
  code: string;
  meaning: string;
  /** The code first marked: corrections never lose it. */
  originalCode: string | null;
  corrected: boolean;
}

export interface RegisterAt {
  registerId: string;
  sessionId: string;
  date: string;
  schoolId: string;
  groupId: string;
}

export type RegisterState =
  | { status: 'none' }
  | {
      status: 'open' | 'withdrawn';
      at: RegisterAt;
      records: Record<string, StudentRecord>;
      completed: boolean;
      /** Why the lesson was cancelled, once withdrawn. */
      withdrawnBecause?: string;
    };
