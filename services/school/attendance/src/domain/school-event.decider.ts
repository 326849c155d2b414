import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/school-event/<eventId>`, topic attendance.school-event.v1 (internal): Events' group events. */
export type SchoolEventEvent = attendance.AttendanceSchoolEventV1Event;

export type NoteSchoolEvent = Command<'NoteSchoolEvent', attendance.SchoolEventNotedData>;
export type NoteSchoolEventTimes = Command<'NoteSchoolEventTimes', attendance.SchoolEventTimesNotedData>;
export type NoteSchoolEventPublished = Command<'NoteSchoolEventPublished', { eventId: string }>;
export type NoteSchoolEventCancelled = Command<'NoteSchoolEventCancelled', { eventId: string }>;
export type SchoolEventCommand =
  NoteSchoolEvent | NoteSchoolEventTimes | NoteSchoolEventPublished | NoteSchoolEventCancelled;

export interface SchoolEventState {
  event: attendance.SchoolEventNotedData | null;
  status: 'draft' | 'published' | 'cancelled';
}

/** Events' lifecycle as far as pre-filling goes: a draft is not pre-filled, a cancelled event never again. */
function decide(command: SchoolEventCommand, state: SchoolEventState): SchoolEventEvent[] {
  if (state.status === 'cancelled') return [];
  switch (command.type) {
    case 'NoteSchoolEvent':
      return state.event ? [] : [attendance.schoolEventNoted(command.data)];
    case 'NoteSchoolEventTimes':
      return state.event ? [attendance.schoolEventTimesNoted(command.data)] : [];
    case 'NoteSchoolEventPublished':
      return state.event && state.status === 'draft' ? [attendance.schoolEventPublishedNoted(command.data)] : [];
    case 'NoteSchoolEventCancelled':
      return state.event ? [attendance.schoolEventCancelledNoted(command.data)] : [];
    default:
      return assertNever(command);
  }
}

function evolve(state: SchoolEventState, event: SchoolEventEvent): SchoolEventState {
  switch (event.type) {
    case 'SchoolEventNoted':
      return { ...state, event: event.data };
    case 'SchoolEventTimesNoted':
      return state.event ? { ...state, event: { ...state.event, ...event.data } } : state;
    case 'SchoolEventPublishedNoted':
      return { ...state, status: 'published' };
    case 'SchoolEventCancelledNoted':
      return { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}

export const schoolEventDecider: Decider<SchoolEventCommand, SchoolEventEvent, SchoolEventState> = {
  initialState: { event: null, status: 'draft' },
  decide,
  evolve,
};
