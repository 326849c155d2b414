import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { AbsenceThresholds, AttendanceCode } from './codes';
import type { Command } from './command';

/** Stream `<tenant>/school/<schoolId>`, topic attendance.school.v1 (internal): HQ's and Events' facts, copied. */
export type SchoolEvent = attendance.AttendanceSchoolV1Event;

export type NoteSchool = Command<'NoteSchool', attendance.SchoolNotedData>;
export type NoteSchoolSettings = Command<'NoteSchoolSettings', attendance.SchoolAttendanceSettingsNotedData>;
export type NoteHoliday = Command<'NoteHoliday', attendance.HolidayNotedData>;
export type SchoolCommand = NoteSchool | NoteSchoolSettings | NoteHoliday;

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
  holidays: Holiday[];
}

export const holidayOn = (state: SchoolState, date: string): Holiday | null =>
  state.holidays.find((h) => h.startDate <= date && date <= h.endDate) ?? null;

function decide(command: SchoolCommand, state: SchoolState): SchoolEvent[] {
  switch (command.type) {
    case 'NoteSchool':
      return state.timeZone === command.data.timeZone ? [] : [attendance.schoolNoted(command.data)];
    case 'NoteSchoolSettings':
      return [attendance.schoolAttendanceSettingsNoted(command.data)];
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
      return { ...state, codes: event.data.attendanceCodes, thresholds: event.data.absenceThresholds };
    case 'HolidayNoted': {
      const { holidayEventId, name, startDate, endDate } = event.data;
      return { ...state, holidays: [...state.holidays, { holidayEventId, name, startDate, endDate }] };
    }
    default:
      return assertNever(event);
  }
}

export const schoolDecider: Decider<SchoolCommand, SchoolEvent, SchoolState> = {
  initialState: { timeZone: null, codes: null, thresholds: null, holidays: [] },
  decide,
  evolve,
};
