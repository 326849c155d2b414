import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { AbsenceThresholds, AttendanceCode } from './codes';
import type { Command } from './command';

/** Stream `<tenant>/school/<schoolId>`, topic attendance.school.v1 (internal): HQ's and Events' facts, copied. */
export type SchoolEvent = attendance.AttendanceSchoolV1Event;

export type NoteSchool = Command<'NoteSchool', attendance.SchoolNotedData>;
export type NoteSchoolSettings = Command<'NoteSchoolSettings', attendance.SchoolAttendanceSettingsNotedData>;
export type NoteHoliday = Command<'NoteHoliday', attendance.HolidayNotedData>;
/** The school's staff choose how attendance is taken (ADR 0054). */
export type SetAttendanceMode = Command<'SetAttendanceMode', attendance.SchoolAttendanceModeSetData>;
export type SchoolCommand = NoteSchool | NoteSchoolSettings | NoteHoliday | SetAttendanceMode;

/** `lesson`: every lesson's register is taken; `daily`: only each group's first lesson of the day. */
export type AttendanceMode = 'lesson' | 'daily';
export const ATTENDANCE_MODES: readonly AttendanceMode[] = ['lesson', 'daily'];

export interface Holiday {
  holidayEventId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface SchoolState {
  timeZone: string | null;
  codes: AttendanceCode[] | null;
  thresholds: AbsenceThresholds | null;
  /** The school's own register lock in days (HQ's SchoolPolicySet); null follows the group's. */
  lockDays: number | null;
  holidays: Holiday[];
  mode: AttendanceMode;
}

export const holidayOn = (state: SchoolState, date: string): Holiday | null =>
  state.holidays.find((h) => h.startDate <= date && date <= h.endDate) ?? null;

function decide(command: SchoolCommand, state: SchoolState): SchoolEvent[] {
  switch (command.type) {
    case 'NoteSchool':
      return state.timeZone === command.data.timeZone ? [] : [attendance.schoolNoted(command.data)];
    case 'NoteSchoolSettings':
      return [attendance.schoolAttendanceSettingsNoted(command.data)];
    case 'SetAttendanceMode':
      if (!ATTENDANCE_MODES.includes(command.data.mode as AttendanceMode)) {
        throw new DomainError('unknown-attendance-mode', { field: 'mode', known: ATTENDANCE_MODES });
      }
      // Setting the mode it has changes nothing: a retried request appends nothing.
      return state.mode === command.data.mode ? [] : [attendance.schoolAttendanceModeSet(command.data)];
    case 'NoteHoliday':
      return state.holidays.some((h) => h.holidayEventId === command.data.holidayEventId)
        ? []
        : [attendance.holidayNoted(command.data)];
    default:
      return assertNever(command);
  }
}

function evolve(state: SchoolState, event: SchoolEvent): SchoolState {
  switch (event.type) {
    case 'SchoolNoted':
      return { ...state, timeZone: event.data.timeZone };
    case 'SchoolAttendanceSettingsNoted':
      return {
        ...state,
        codes: event.data.attendanceCodes,
        thresholds: event.data.absenceThresholds,
        lockDays: event.data.registerLockDays ?? null,
      };
    case 'SchoolAttendanceModeSet':
      return { ...state, mode: event.data.mode as AttendanceMode };
    case 'HolidayNoted': {
      const { holidayEventId, name, startDate, endDate } = event.data;
      return { ...state, holidays: [...state.holidays, { holidayEventId, name, startDate, endDate }] };
    }
    default:
      return assertNever(event);
  }
}

export const schoolDecider: Decider<SchoolCommand, SchoolEvent, SchoolState> = {
  initialState: { timeZone: null, codes: null, thresholds: null, lockDays: null, holidays: [], mode: 'lesson' },
  decide,
  evolve,
};
