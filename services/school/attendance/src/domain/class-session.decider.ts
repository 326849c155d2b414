import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import type { Command } from './command';
import { isoWeekday } from './dates';

/** Stream `<tenant>/class-session/<sessionId>`, topic attendance.class-session.v1 (internal): Admin's facts, copied. */
export type ClassSessionEvent = attendance.AttendanceClassSessionV1Event;
type Noted = attendance.ClassSessionNotedData;
type CancellationNoted = attendance.ClassSessionCancellationNotedData;

export type NoteSession = Command<'NoteSession', Noted>;
export type NoteCancellation = Command<'NoteCancellation', CancellationNoted>;
export type ClassSessionCommand = NoteSession | NoteCancellation;

export interface Cancellation {
  reason: string;
  holidayEventId: string | null;
}

export interface ClassSessionState {
  session: Noted | null;
  cancelledDates: Record<string, Cancellation>;
  /** A whole-session cancellation: no occurrence on or after this day. */
  cancelledFrom: (Cancellation & { date: string }) | null;
}

/** Whether the session takes place on `date` (in its span, on one of its weekdays), cancellations aside. */
export function occursOn(session: Noted, date: string): boolean {
  return date >= session.firstDate && date <= session.lastDate && session.weekdays.includes(isoWeekday(date));
}

/** Why there is no lesson that day, or null when there is one. */
export function cancellationOn(state: ClassSessionState, date: string): Cancellation | null {
  if (state.cancelledFrom && date >= state.cancelledFrom.date) return state.cancelledFrom;
  return state.cancelledDates[date] ?? null;
}

function decide(command: ClassSessionCommand, state: ClassSessionState): ClassSessionEvent[] {
  switch (command.type) {
    case 'NoteSession':
      return state.session ? [] : [attendance.classSessionNoted(command.data)];
    case 'NoteCancellation': {
      const { date } = command.data;
      if (date === null ? state.cancelledFrom : state.cancelledDates[date]) return [];
      return [attendance.classSessionCancellationNoted(command.data)];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: ClassSessionState, event: ClassSessionEvent): ClassSessionState {
  switch (event.type) {
    case 'ClassSessionNoted':
      return { ...state, session: event.data };
    case 'ClassSessionCancellationNoted': {
      const { date, reason, holidayEventId, cancelledAt } = event.data;
      const cancellation = { reason, holidayEventId };
      return date === null
        ? { ...state, cancelledFrom: { ...cancellation, date: cancelledAt.slice(0, 10) } }
        : { ...state, cancelledDates: { ...state.cancelledDates, [date]: cancellation } };
    }
    default:
      return assertNever(event);
  }
}

export const classSessionDecider: Decider<ClassSessionCommand, ClassSessionEvent, ClassSessionState> = {
  initialState: { session: null, cancelledDates: {}, cancelledFrom: null },
  decide,
  evolve,
};
